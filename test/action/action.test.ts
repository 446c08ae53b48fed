import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ACTION_INPUTS, BICEP_HINT } from '../../src/action/run-action';
import { FORMATS } from '../../src/cli/args';
import { packageJson } from '../../src/package-info';
import { RULES } from '../../src/rules/index';
import { isolatedEnv } from '../helpers/run-cli';
import { fakeCliPackage, startLocalFeed } from '../helpers/local-nuget-feed';
import { realBicep } from '../helpers/real-bicep';
import { makeExecutable, makeTree } from '../helpers/temp-tree';

const REPO = path.resolve(__dirname, '..', '..');
const ACTION_DIR = path.join(REPO, 'action');
const BUNDLE_FILES = ['index.js', 'tree-sitter.wasm', 'tree-sitter-bicep.wasm'];
const { version } = packageJson();

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the run appended to GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, temp folder as `<tree>`. */
  outputs: string;
  summary: string;
  tree: string;
}

/**
 * Runs a bundle as the runner does: `INPUT_*` variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, RUNNER_TEMP, and only node on PATH (no Bicep CLI). Relative paths are against the repository.
 */
function runAction(inputs: Record<string, string>, options: { bundle?: string; cwd?: string; tree?: string } = {}): ActionRun {
  const tree = options.tree ?? makeTree({});
  for (const folder of ['temp', 'home']) fs.mkdirSync(path.join(tree, folder), { recursive: true });
  const outputFile = path.join(tree, 'github-output');
  const summaryFile = path.join(tree, 'step-summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env = isolatedEnv({
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    RUNNER_TEMP: path.join(tree, 'temp'),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    HOME: path.join(tree, 'home'),
  });
  const result = spawnSync(process.execPath, [options.bundle ?? path.join(ACTION_DIR, 'index.js')], {
    cwd: options.cwd ?? REPO,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const scrub = (text: string) => text.split(tree).join('<tree>');
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: scrub(result.stderr),
    outputs: scrub(fs.readFileSync(outputFile, 'utf8')),
    summary: scrub(fs.readFileSync(summaryFile, 'utf8')),
    tree,
  };
}

const TYPO_MESSAGE =
  "registry 'acrtypo' does not export ContainerRegistryRepositoryEvents ('ContainerRegistryRepositoryEvent' is not a container registry log category; " +
  "did you mean 'ContainerRegistryRepositoryEvents'?); enable it or the 'audit' category group";

describe('the committed bundle', () => {
  it('is what scripts/build-action.js builds now, byte for byte (else run npm run build:action)', () => {
    const out = makeTree({});
    const build = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-action.js'), out], { encoding: 'utf8', timeout: 120_000 });
    expect({ code: build.status, stderr: build.stderr }).toEqual({ code: 0, stderr: '' });
    expect(fs.readdirSync(out).sort()).toEqual([...BUNDLE_FILES].sort());
    const outdated = BUNDLE_FILES.filter((file) => !fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(ACTION_DIR, file))));
    expect(outdated).toEqual([]);
  });

  it('action.yml declares the inputs the Action reads, with the same defaults, and its two outputs', () => {
    const yml = fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    const block = (name: string) => yml.split(new RegExp(`^${name}:\\n`, 'm'))[1]!.split(/^\S/m)[0]!;
    const declared: Record<string, string> = {};
    let current = '';
    for (const line of block('inputs').split('\n')) {
      current = /^ {2}([\w-]+):$/.exec(line)?.[1] ?? current;
      const value = /^ {4}default: (.*)$/.exec(line)?.[1];
      if (value !== undefined) declared[current] = value === '""' ? '' : value;
    }
    expect(declared).toEqual(ACTION_INPUTS);
    expect([...block('outputs').matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1])).toEqual(['sarif-file', 'findings']);
    expect(yml).toContain('runs:\n  using: node24\n  main: action/index.js\n');
  });
});

describe('the Action runtime', () => {
  it('is the one the bundle is built for: action.yml runs.using and the build target name the same Node', () => {
    const using = /runs:\n {2}using: node(\d+)\n/.exec(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8'))?.[1];
    const target = /target: 'node(\d+)'/.exec(fs.readFileSync(path.join(REPO, 'scripts', 'build-action.js'), 'utf8'))?.[1];
    expect(target).toBe(using);
  });
});

describe('the Action inputs that stand for CLI flags', () => {
  const REGISTRY_BY_GROUP = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [{ type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: "[format('acr{0}', resourceGroup().name)]", location: 'westeurope', sku: { name: 'Basic' } }],
  });
  const findings = (stdout: string) => (JSON.parse(stdout) as { results: { level: string; message: string }[] }).results.map((r) => `${r.level} ${r.message.split(' has ')[0]}`);

  it('path takes one path a line, spaces kept', () => {
    const tree = makeTree({ 'my infra/registry.json': fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'arm', 'typo.json'), 'utf8'), 'other/registry.json': REGISTRY_BY_GROUP });
    const run = runAction({ path: '  my infra/registry.json\n\nother/registry.json  \n', format: 'json', 'fail-on': 'never' }, { cwd: tree, tree });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect((JSON.parse(run.stdout) as { inputs: { file: string }[] }).inputs.map((i) => path.relative(tree, i.file))).toEqual(['my infra/registry.json', 'other/registry.json']);
  });

  it('config and the deployment context (resource-group, ...) reach the run', () => {
    const tree = makeTree({ 'infra/registry.json': REGISTRY_BY_GROUP, 'ci/audit.json': JSON.stringify({ rules: { 'Azure.ACR.Logs': 'warning' } }) });
    const run = runAction({ path: 'infra/registry.json', format: 'json', config: 'ci/audit.json', 'resource-group': 'rgprod' }, { cwd: tree, tree });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(findings(run.stdout)).toEqual(["note registry 'acrrgprod'", "warning registry 'acrrgprod'"]);
  });

  it('provision-bicep downloads the pinned CLI first, into the runner\'s user cache, without .NET (from a local feed)', async () => {
    const pinned = packageJson().bicepCli.version;
    const feed = await startLocalFeed([{ id: 'Azure.Bicep.CommandLine.linux-x64', version: pinned, nupkg: fakeCliPackage(pinned), publishes: 'hash' }]);
    try {
      // The Action as checked out, with no SHA-512 pinned: the fake package is checked against the hash the feed publishes.
      const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
      const tree = makeTree({ 'registry.json': fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'arm', 'typo.json'), 'utf8'), 'package.json': JSON.stringify({ ...manifest, bicepCli: { version: pinned } }), 'home/.keep': '' });
      fs.cpSync(ACTION_DIR, path.join(tree, 'action'), { recursive: true });
      fs.cpSync(path.join(REPO, 'docs', 'rules'), path.join(tree, 'docs', 'rules'), { recursive: true });
      const env = isolatedEnv({ INPUT_PATH: 'registry.json', 'INPUT_PROVISION-BICEP': 'true', HOME: path.join(tree, 'home'), RUNNER_TEMP: tree, BICEP_AUDIT_NUGET_FEED: feed.serviceIndex });
      // Not spawnSync: this process serves the feed.
      const run = await new Promise<{ code: number; stderr: string }>((resolve) =>
        execFile(process.execPath, [path.join(tree, 'action', 'index.js')], { cwd: tree, env, encoding: 'utf8', timeout: 120_000 }, (error, _stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stderr }),
        ),
      );
      const binary = path.join(tree, 'home', '.cache', 'bicep-audit', 'bicep', pinned, 'bicep');
      expect([run.code, run.stderr]).toEqual([1, expect.stringContaining(`bicep-audit: provisioned Bicep CLI ${pinned} at ${binary}\n`)]);
      expect(fs.readFileSync(binary, 'utf8')).toContain('(local feed)');
    } finally {
      await feed.close();
    }
  }, 120_000);

  it('provision-bicep takes true or false only', () => {
    const run = runAction({ path: 'test/fixtures/arm/typo.json', 'provision-bicep': 'always' });
    expect([run.code, run.stderr]).toEqual([2, "::error::bicep-audit: the provision-bicep input takes true or false, not 'always'\n"]);
  });

  it('no-restore takes true or false only', () => {
    const run = runAction({ path: 'test/fixtures/arm/typo.json', 'no-restore': 'yes' });
    expect([run.code, run.stderr]).toEqual([2, "::error::bicep-audit: the no-restore input takes true or false, not 'yes'\n"]);
  });

  it('no-restore compiles with bicep build --no-restore; a CLI of another version than the pinned one gets a warning', () => {
    const tree = makeTree({ 'main.bicep': "param location string = 'westeurope'\n" });
    const log = path.join(tree, 'bicep.log');
    // The real CLI, saying it is another version.
    const cli = makeExecutable(
      path.join(tree, 'tools', 'bicep'),
      `#!/bin/sh\necho "$*" >> '${log}'\nif [ "$1" = "--version" ]; then echo "Bicep CLI version 0.48.1 (elsewhere)"; exit 0; fi\nexec '${realBicep()}' "$@"\n`,
    );
    const run = runAction({ path: 'main.bicep', 'no-restore': 'true', 'bicep-path': cli }, { cwd: tree, tree });
    expect(run.code).toBe(0);
    // Asked its version once, then one `bicep build --no-restore` of the file in the temp mirror; no JSON-RPC server.
    const calls = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(calls.map((c) => c.replace(/ \S*main\.bicep/, ' <mirror>/main.bicep'))).toEqual(['--version', 'build <mirror>/main.bicep --stdout --no-restore']);
    expect(run.stderr).toBe(
      `::warning::the Bicep CLI <tree>/tools/bicep is version 0.48.1, not the ${packageJson().bicepCli.version} bicep-audit is tested with; findings may differ. ` +
        `Set the provision-bicep input to true to audit with the pinned one, or point bicep-path at a Bicep CLI ${packageJson().bicepCli.version}\n`,
    );
  }, 120_000);
});

describe('the Action on ARM templates (the bundle, spawned)', () => {
  it('annotates a finding, fails the step, writes SARIF, the job summary and the outputs', () => {
    const run = runAction({ path: 'test/fixtures/arm/typo.json', format: 'github', 'fail-on': 'error' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `::error file=test/fixtures/arm/typo.json,line=22,col=25,endLine=22,endColumn=59,title=Azure.ACR.Logs::${TYPO_MESSAGE}\n`,
    );
    expect(run.outputs).toBe('sarif-file=<tree>/temp/bicep-audit.sarif\nfindings=1\n');
    expect(run.summary).toBe(
      [
        '## bicep-audit',
        '',
        '**1 problem** in 1 input: 1 errors, 0 warnings, 0 notes, 0 suppressed.',
        '',
        `bicep-audit ${version}, no Bicep CLI needed.`,
        '',
        '| Level | Rule | Location | Message |',
        '| --- | --- | --- | --- |',
        `| error | Azure.ACR.Logs | \`test/fixtures/arm/typo.json:22:25\` | ${TYPO_MESSAGE} |`,
        '',
      ].join('\n'),
    );
    const sarif = JSON.parse(fs.readFileSync(path.join(run.tree, 'temp', 'bicep-audit.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([['Azure.ACR.Logs', 'error']]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('test/fixtures/arm/typo.json');
  });

  it('with a baseline, annotates only new findings, passes, and says in the summary how many are new, baselined and fixed', () => {
    const tree = makeTree({});
    const typo = path.relative(tree, path.join(REPO, 'test', 'fixtures', 'arm', 'typo.json')).split(path.sep).join('/');
    const entry = { rule: 'Azure.ACR.Logs', file: typo, message: TYPO_MESSAGE };
    fs.writeFileSync(path.join(tree, 'baseline.json'), JSON.stringify({ version: 1, findings: [{ ...entry, resource: 'registry' }, { ...entry, resource: 'removed' }] }));
    const run = runAction({ path: 'test/fixtures/arm/typo.json', baseline: path.join(tree, 'baseline.json') }, { tree });
    expect([run.code, run.stderr, run.stdout]).toEqual([0, '', '']);
    expect(run.outputs).toBe('sarif-file=<tree>/temp/bicep-audit.sarif\nfindings=0\n');
    expect(run.summary).toBe(
      [
        '## bicep-audit',
        '',
        '**No problems** in 1 input: 0 errors, 0 warnings, 0 notes, 0 suppressed.',
        '',
        `bicep-audit ${version}, no Bicep CLI needed.`,
        '',
        '**Baseline** `<tree>/baseline.json`: 0 new, 1 baselined, 1 fixed.',
        '',
      ].join('\n'),
    );
    const sarif = JSON.parse(fs.readFileSync(path.join(tree, 'temp', 'bicep-audit.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { baselineState: string }) => r.baselineState)).toEqual(['unchanged']);
  });

  it('passes clean templates (paths on lines), with SARIF at sarif-file (its folder made) and a summary of no problems', () => {
    const tree = makeTree({});
    const paths = 'test/fixtures/arm/same-file.json\n  test/fixtures/arm/two-settings.json ';
    const run = runAction({ path: paths, 'sarif-file': path.join(tree, 'reports', 'audit.sarif') }, { tree });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('');
    expect(run.outputs).toBe('sarif-file=<tree>/reports/audit.sarif\nfindings=0\n');
    expect(run.summary).toBe(
      ['## bicep-audit', '', '**No problems** in 2 inputs: 0 errors, 0 warnings, 0 notes, 0 suppressed.', '', `bicep-audit ${version}, no Bicep CLI needed.`, ''].join('\n'),
    );
    const sarif = JSON.parse(fs.readFileSync(path.join(tree, 'reports', 'audit.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
  });

  it('writes the chosen format to the log and still writes SARIF to the sarif file', () => {
    const run = runAction({ path: 'test/fixtures/arm/typo.json', format: 'json', 'fail-on': 'never' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect([report.tool.name, report.results.map((r: { ruleId: string }) => r.ruleId)]).toEqual(['bicep-audit', ['Azure.ACR.Logs']]);
    expect(run.outputs).toBe('sarif-file=<tree>/temp/bicep-audit.sarif\nfindings=1\n');
    expect(JSON.parse(fs.readFileSync(path.join(run.tree, 'temp', 'bicep-audit.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
  });
});

describe('params reach the analysis', () => {
  const REVIEW =
    "::warning file=test/fixtures/arm/condition.json,line=26,col=11,endLine=26,endColumn=100,title=Azure.ACR.Logs (review)::whether registry 'acrcond' " +
    "exports ContainerRegistryLoginEvents is decided at deployment by parameter 'exportLogins' (declared at condition.json:7:5), which has no value; " +
    'settle it in the template or check it before deploying\n';
  const NO_SETTING =
    "::error file=test/fixtures/arm/condition.json,line=10,col=5,endLine=16,endColumn=6,title=Azure.ACR.Logs::registry 'acrcond' has no diagnostic setting that is deployed: " +
    "diagnostic setting 'audit' is not, because its condition is false (parameter 'enableAudit' is false, its default), so nobody can tell who logged in or pushed and pulled images; make the condition true or add a setting that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, " +
    "or the 'audit' category group\n";

  it.each([
    { name: 'none: the setting is off by default', params: '', failOn: 'error', code: 1, stdout: NO_SETTING, findings: 1 },
    { name: 'enableAudit=true: exportLogins has no value, a review', params: 'enableAudit=true', failOn: 'error', code: 0, stdout: REVIEW, findings: 1 },
    { name: 'the same review fails at fail-on warning', params: 'enableAudit=true', failOn: 'warning', code: 1, stdout: REVIEW, findings: 1 },
    { name: 'both values, on lines with blanks around', params: '\n  enableAudit=true\r\nexportLogins=true  \n', failOn: 'note', code: 0, stdout: '', findings: 0 },
  ])('$name → exit $code', ({ params, failOn, code, stdout, findings }) => {
    const run = runAction({ path: 'test/fixtures/arm/condition.json', params, 'fail-on': failOn });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code, stdout, stderr: '' });
    expect(run.outputs).toBe(`sarif-file=<tree>/temp/bicep-audit.sarif\nfindings=${findings}\n`);
  });
});

describe('failures', () => {
  it('a .bicep input without a Bicep CLI → exit 3, the CLI message and a hint for the Action', () => {
    // A checkout of the Action as a runner has it: the bundle and package.json, no provisioned Bicep CLI.
    const tree = makeTree({ 'main.bicep': "param location string = 'westeurope'\n", 'package.json': fs.readFileSync(path.join(REPO, 'package.json'), 'utf8') });
    fs.cpSync(ACTION_DIR, path.join(tree, 'action'), { recursive: true });
    const run = runAction({ path: 'main.bicep' }, { bundle: path.join(tree, 'action', 'index.js'), cwd: tree, tree });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `::error::bicep-audit: no Bicep CLI found; looked in the provisioned copy (<tree>/home/.cache/bicep-audit/bicep/${packageJson().bicepCli.version}/bicep), PATH, ` +
        '<tree>/home/.azure/bin/bicep. To audit Bicep files, run `npx bicep-audit --provision` (downloads the pinned Bicep CLI from your NuGet feed into your user cache), ' +
        'or set BICEP_PATH to a Bicep CLI, or run `az bicep install`.\n' +
        `::error::${BICEP_HINT}\n`,
    );
    expect(BICEP_HINT).toBe(
      'bicep-audit needs a Bicep CLI for .bicep and .bicepparam inputs: GitHub-hosted runners have `bicep` on PATH; ' +
        'elsewhere install it (`az bicep install`) or point the `bicep-path` input at it',
    );
    expect({ outputs: run.outputs, summary: run.summary }).toEqual({ outputs: '', summary: '' });
  });

  it('a bicep-path that is not an executable → exit 2, naming it', () => {
    const tree = makeTree({ 'main.bicep': "param location string = 'westeurope'\n" });
    const run = runAction({ path: 'main.bicep', 'bicep-path': 'tools/bicep' }, { cwd: tree, tree });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('::error::bicep-audit: --bicep <tree>/tools/bicep: no such file; give the path of a Bicep CLI executable\n' + `::error::${BICEP_HINT}\n`);
  });

  it.each([
    { input: 'fail-on', value: 'sometimes', message: 'Argument: fail-on, Given: "sometimes", Choices: "error", "warning", "note", "never"' },
    { input: 'format', value: 'xml', message: `Argument: format, Given: "xml", Choices: ${FORMATS.map((f) => `"${f}"`).join(', ')}` },
  ])('a bad $input input → exit 2 and the CLI validation message as one ::error::', ({ input, value, message }) => {
    const run = runAction({ path: 'test/fixtures/arm/typo.json', [input]: value });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`::error::bicep-audit: Invalid values:%0A  ${message}\n`);
    expect({ outputs: run.outputs, summary: run.summary }).toEqual({ outputs: '', summary: '' });
  });

  it('a path that does not exist → exit 2, reported as an input that could not be analysed', () => {
    const run = runAction({ path: 'test/fixtures/arm/missing.json' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      '::error file=test/fixtures/arm/missing.json,line=1,col=1,endLine=1,endColumn=1,title=input::' +
        `cannot analyse ${path.join(REPO, 'test', 'fixtures', 'arm', 'missing.json')}: no such file or folder\n`,
    );
    expect(run.outputs).toBe('sarif-file=<tree>/temp/bicep-audit.sarif\nfindings=1\n');
  });
});
