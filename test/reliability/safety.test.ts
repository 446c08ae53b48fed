import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'bicep-audit.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'arm');
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(folder, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('no shell and no code from the input', () => {
  const sources = sourceFiles(path.join(ROOT, 'src')).map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));

  it.each([
    ['a shell', /shell\s*:\s*true|execSync|execaCommand|execaSync|\{[^}]*\bexec\b[^}]*\}\s*from\s*['"](node:)?child_process['"]/],
    ['JavaScript evaluation', /\beval\(|new Function\(|['"](node:)?vm['"]/],
  ])('src/ never asks for %s', (_what, pattern) => {
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('every child process gets its arguments as an array', () => {
    const calls = sources.flatMap((s) =>
      [...s.text.matchAll(/\b(spawn|execa)\([^,)]+,\s*([\w[]+)/g)].map((m) => {
        const args = m[2]!;
        // An array literal, or a variable the same file declares as one.
        const isArray = args.startsWith('[') || new RegExp(`const ${args}(: [\\w[\\]]+)? = \\[`).test(s.text);
        return `${s.file}: ${m[1]} with ${isArray ? 'an array' : args}`;
      }),
    );
    expect(calls.sort()).toEqual(['src/bicep/child-env.ts: execa with an array', 'src/bicep/server-process.ts: spawn with an array']);
  });
});

describe('the expression evaluator is bounded in work and memory', () => {
  const hostile: [string, string, string][] = [
    ['5,000 nested calls', `${'concat('.repeat(5000)}'a'${')'.repeat(5000)}`, 'resource name: the expression is nested more than 200 levels deep'],
    ['20,000 chained indexes', `createArray(1)${'[0]'.repeat(20000)}`, 'resource name: the expression is nested more than 200 levels deep'],
    ['a string doubled 40 times', `${'replace('.repeat(40)}'ab'${",'a','aa')".repeat(40)}`, 'resource name: replace: the result would be 1048577 characters long, over the limit of 1048576'],
    ['a range of 100 million', 'length(range(0, 100000000))', 'resource name: range: the count 100000000 is over the limit of 10000'],
    ['code in a string', "concat('\"); require(\"fs\").writeFileSync(\"pwned\", \"x\"); (\"')", ''],
  ];

  it.each(hostile)('%s ends in a structured finding', (_name, expression, limit) => {
    const name = `[if(equals(length(string(${expression})), 0), 'a', 'acrhostile')]`;
    const template = { $schema: SCHEMA, contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name, location: 'westeurope', sku: { name: 'Basic' } }] };
    const tree = makeTree({ 'hostile.json': JSON.stringify(template) });
    // The bound is the limit each finding names (steps, depth, length, count), not a time.
    const result = spawnSync(process.execPath, [BIN, 'hostile.json', '--format', 'json'], { cwd: tree, env: isolatedEnv({ HOME: tree }), encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    // The registry's missing lock (a note) is test/rules/control-plane.test.ts's.
    const results = (JSON.parse(result.stdout) as { results: { ruleId: string; message: string }[] }).results.filter((r) => r.ruleId !== 'Azure.ACR.DeleteLock');
    expect(results.map((r) => r.ruleId)).toEqual([...(limit ? ['template-limit'] : []), 'Azure.ACR.Logs']);
    if (limit) expect(results[0]!.message).toBe(limit);
    expect(results[results.length - 1]!.message).toMatch(limit ? /^registry 'resources\[0\]' \(named / : /^registry 'acrhostile' has no diagnostic setting/);
    expect(fs.readdirSync(tree)).toEqual(['hostile.json']);
  });
});

/** Every path below a folder with its size, mode and content hash. */
function snapshot(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true }).map((e) => {
    const full = path.join(e.parentPath ?? e.path, e.name);
    const stat = fs.lstatSync(full);
    const hash = stat.isFile() ? createHash('sha256').update(fs.readFileSync(full)).digest('hex') : '';
    return `${path.relative(folder, full)} ${stat.mode.toString(8)} ${stat.size} ${hash}`;
  }).sort();
}

describe('no writes outside the temp folder and the files asked for', () => {
  const tree = makeTree({
    'infra/typo.json': fs.readFileSync(path.join(FIXTURES, 'typo.json'), 'utf8'),
    'infra/condition.json': fs.readFileSync(path.join(FIXTURES, 'condition.json'), 'utf8'),
    'infra/main.bicep': "param location string = 'westeurope'\n",
    'infra/empty.bicep': '',
    'infra/bicep-audit.json': '{ "rules": { "Azure.ACR.Logs": "warning" } }',
    'reports/.keep': '',
    'tmp/.keep': '',
  });
  fs.rmSync(path.join(tree, 'tmp', '.keep'));
  const infra = path.join(tree, 'infra');
  const env = isolatedEnv({ HOME: path.join(tree, 'reports'), TMPDIR: path.join(tree, 'tmp') });
  const fake = path.join(ROOT, 'test', 'fixtures', 'fake-bicep', 'hangs.js');

  it.each([
    // The config lowers Azure.ACR.Logs to a warning, so findings alone exit 0.
    ['stylish', ['infra/typo.json', 'infra/condition.json'], 0],
    ['json', ['infra/typo.json', 'infra/empty.bicep'], 2],
    ['sarif', ['infra/typo.json', '--output', 'reports/audit.sarif'], 0],
    ['github', ['infra/condition.json', '--param', 'enableAudit=true'], 0],
    ['json', ['infra', '--bicep', fake, '--timeout', '1'], 3],
  ] as const)('%s on %j leaves the audited tree as it was (exit %d)', (format, argv, code) => {
    const before = snapshot(infra);
    const result = spawnSync(process.execPath, [BIN, ...argv, '--format', format], { cwd: tree, env: { ...env, GITHUB_STEP_SUMMARY: path.join(tree, 'reports', 'summary.md') }, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(code);
    expect(snapshot(infra)).toEqual(before);
    expect(fs.readdirSync(path.join(tree, 'tmp'))).toEqual([]);
  });
});
