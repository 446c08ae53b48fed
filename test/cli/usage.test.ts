import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv, RUNNERS } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const tree = makeTree({
  'empty/readme.txt': 'nothing to audit here\n',
  'notes.txt': 'not a template\n',
  'main.bicep': "param location string = 'westeurope'\n",
  'template.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": []\n}\n',
});
const home = path.join(tree, 'home');

describe.each(RUNNERS)('usage (%s)', (_runner, run) => {
  const invoke = (argv: string[]) => run({ argv, cwd: tree, env: isolatedEnv(), homeDir: home });

  it('--help prints the usage and the exit codes and exits 0', async () => {
    const result = await invoke(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bicep-audit [paths..]');
    expect(result.stdout).toContain('--fail-on');
    expect(result.stdout).toContain('Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error');
    expect(result.stderr).toBe('');
  });

  it.each([
    ['an object cut short', 'tags={"env": "prod"'],
    ['an array cut short', 'names=[1, 2'],
    ['a string without its closing quote', 'name="acrprod'],
  ])('--param with %s is a usage error naming the parameter (exit 2), not taken as text', async (_name, param) => {
    const result = await invoke(['template.json', '--param', param]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^bicep-audit: --param ${param.split('=')[0]}: the value starts like JSON but is not JSON \\(.+\\); fix it, or to pass text, write it as a JSON string\\n$`));
  });

  it('-o into a folder that does not exist fails before any analysis (exit 2; without it, the missing Bicep CLI would be found first, exit 3)', async () => {
    const result = await invoke(['main.bicep', '-o', 'missing-folder/audit.json']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `bicep-audit: cannot write the report to --output ${path.join(tree, 'missing-folder', 'audit.json')}: its folder does not exist\n` });
    expect(fs.existsSync(path.join(tree, 'missing-folder'))).toBe(false);
  });

  it('no paths is a usage error (exit 2)', async () => {
    const result = await invoke([]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'bicep-audit: no inputs: name .bicep, .bicepparam or ARM .json files, or folders\n',
    });
  });

  it('an unknown option is a usage error (exit 2)', async () => {
    const result = await invoke(['x.bicep', '--colour']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'bicep-audit: Unknown argument: colour\nRun bicep-audit --help for usage.\n' });
  });

  it('--help names the fix options', async () => {
    // yargs wraps descriptions to the widest option name: compare the words, not the line breaks.
    const help = (await invoke(['--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--fix edit the Bicep files to clear the findings that have a fix');
    expect(help).toContain('--fix-dry-run print the fixes that --fix would keep (proved on copies of the files) as a unified diff instead of the report, changing no file');
    expect(help).toContain('--suggestions with --fix or --fix-dry-run: suggestions too');
  });

  it('--help names the shard options', async () => {
    const help = (await invoke(['--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--shard i/n: audit only the i-th of n parts of the entries');
    expect(help).toContain('bicep-audit merge-sarif <files..> merge the SARIF logs of the n shards of one audit (--shard i/n)');
  });

  it.each([
    [['x.bicep', '--shard', '3/2'], "--shard takes i/n, two whole numbers with 1 <= i <= n (got '3/2')"],
    [['x.bicep', '--shard', 'half'], "--shard takes i/n, two whole numbers with 1 <= i <= n (got 'half')"],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    expect(await invoke(argv)).toEqual({ code: 2, stdout: '', stderr: `bicep-audit: ${message}\nRun bicep-audit --help for usage.\n` });
  });

  it.each([
    [['x.bicep', '--fix', '--fix-dry-run'], '--fix and --fix-dry-run cannot be used together'],
    [['x.bicep', '--suggestions'], '--suggestions goes with --fix or --fix-dry-run'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    expect(await invoke(argv)).toEqual({ code: 2, stdout: '', stderr: `bicep-audit: ${message}\nRun bicep-audit --help for usage.\n` });
  });

  it('an unknown format is a usage error (exit 2)', async () => {
    const result = await invoke(['x.bicep', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid values:\n  Argument: format, Given: "xml", Choices: "stylish", "json", "sarif", "github"');
  });

  it('a folder without Bicep files is a usage error (exit 2)', async () => {
    const result = await invoke(['empty']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'bicep-audit: no inputs found in empty (looked for .bicep and .bicepparam files)\n',
    });
  });

  it.each([['0'], ['-3'], ['soon']])('--restore-timeout %s is a usage error (exit 2)', async (seconds) => {
    const result = await invoke(['notes.txt', '--restore-timeout', seconds]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'bicep-audit: --restore-timeout takes a positive number of seconds\nRun bicep-audit --help for usage.\n' });
  });

  it.each([['0'], ['1.5'], ['many']])('--jobs %s is a usage error (exit 2)', async (jobs) => {
    const result = await invoke(['notes.txt', '--jobs', jobs]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'bicep-audit: --jobs takes a whole number of 1 or more\nRun bicep-audit --help for usage.\n' });
  });

  it('a malformed --param is a usage error (exit 2)', async () => {
    const result = await invoke(['notes.txt', '--param', 'novalue']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: "bicep-audit: --param takes name=value, not 'novalue'\n" });
  });

  it('an --output path that cannot be written is a usage error (exit 2)', async () => {
    const target = path.join(tree, 'no-such-folder', 'report.json');
    const result = await invoke(['notes.txt', '--output', target]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`bicep-audit: cannot write the report to --output ${target}: its folder does not exist\n`);
  });

  it('an --output that fails leaves the file that was there whole, and no temp file beside it', async () => {
    const folder = path.join(tree, 'reports');
    fs.mkdirSync(folder, { recursive: true });
    const target = path.join(folder, 'report.json');
    fs.writeFileSync(target, 'previous report\n');
    fs.chmodSync(folder, 0o500);
    try {
      const result = await invoke(['notes.txt', '--output', target]);
      // root may write to read-only folders; then the new report replaces the old one whole.
      const expected = process.getuid?.() === 0 ? 'notes.txt' : 'previous report\n';
      expect(result.code).toBe(2);
      expect(fs.readFileSync(target, 'utf8').startsWith(expected)).toBe(true);
      expect(fs.readdirSync(folder)).toEqual(['report.json']);
    } finally {
      fs.chmodSync(folder, 0o700);
    }
  });

  it('a missing file is reported as an input that could not be analysed (exit 2)', async () => {
    const result = await invoke(['missing.json', '--format', 'json']);
    expect(result.code).toBe(2);
    const file = path.join(tree, 'missing.json');
    const report = JSON.parse(result.stdout);
    expect([report.inputs, report.summary]).toEqual([
      [{ file, status: 'failed' }],
      { errors: 1, warnings: 0, notes: 0, suppressed: 0, baselined: 0, failedInputs: 1 },
    ]);
    expect(report.results).toEqual([
      {
        ruleId: 'input',
        kind: 'fail',
        level: 'error',
        message: `cannot analyse ${file}: no such file or folder`,
        input: file,
        location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
        relatedLocations: [],
        instance: null,
        appliesTo: [file],
        suppression: null,
        baseline: false,
        fix: null,
        noFix: null,
      },
    ]);
  });

  it('a file of another kind is reported as an input that could not be analysed (exit 2)', async () => {
    const result = await invoke(['notes.txt']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      'notes.txt\n' +
        `  1:1  error  cannot analyse ${path.join(tree, 'notes.txt')}: not a .bicep, .bicepparam or ARM template .json file  input\n` +
        '    1 | not a template\n' +
        '      | ^\n\n' +
        '✖ 1 problem (1 error, 0 warnings)\n' +
        '✖ 1 of 1 input could not be analysed\n',
    );
  });
});

describe.each(RUNNERS)('inputs that are not templates (%s)', (_runner, run) => {
  const inputs = makeTree({
    'params.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "parameters": {}\n}\n',
    'package.json': '{ "name": "x" }\n',
    'broken.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [,]\n}\n',
  });
  const invoke = (argv: string[]) => run({ argv: [...argv, '--format', 'json'], cwd: inputs, env: isolatedEnv(), homeDir: home });
  const only = (stdout: string) => {
    const report = JSON.parse(stdout) as {
      inputs: { status: string }[];
      results: { ruleId: string; message: string; location: { line: number; column: number } }[];
    };
    expect(report.inputs).toHaveLength(1);
    return { status: report.inputs[0]!.status, findings: report.results.map((f) => [f.ruleId, f.location.line, f.location.column, f.message]) };
  };

  it('a parameters file is not analysed as a template (exit 2)', async () => {
    const result = await invoke(['params.json']);
    expect(result.code).toBe(2);
    expect(only(result.stdout)).toEqual({
      status: 'failed',
      findings: [['input', 2, 14, `cannot analyse ${path.join(inputs, 'params.json')}: it is an ARM parameters file; pass it with --parameters`]],
    });
  });

  it('a JSON file without $schema is not a template (exit 2)', async () => {
    const result = await invoke(['package.json']);
    expect(result.code).toBe(2);
    expect(only(result.stdout).findings[0]![3]).toBe(`cannot analyse ${path.join(inputs, 'package.json')}: it has no $schema, so it is not an ARM deployment template`);
  });

  it('a JSON syntax error is reported where it is (exit 2)', async () => {
    const result = await invoke(['broken.json']);
    expect(result.code).toBe(2);
    expect(only(result.stdout)).toEqual({ status: 'failed', findings: [['json-syntax', 3, 17, 'invalid JSON: ValueExpected']] });
  });
});
