import path from 'node:path';
import { isolatedEnv, RUNNERS } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const fakes = path.resolve(__dirname, '..', 'fixtures', 'fake-bicep');
const tree = makeTree({ 'main.bicep': "param location string = 'westeurope'\n", 'home/.keep': '' });
const home = path.join(tree, 'home');

interface Scenario {
  name: string;
  argv: string[];
  code: number;
  stderrLines: string[];
}

const scenarios: Scenario[] = [
  {
    name: 'a mistyped --bicep path, a usage error that names it',
    argv: ['main.bicep', '--bicep', 'nowhere/bicep'],
    code: 2,
    stderrLines: [`bicep-audit: --bicep ${path.join(tree, 'nowhere', 'bicep')}: no such file; give the path of a Bicep CLI executable\n`],
  },
  {
    name: 'a --bicep that names a folder',
    argv: ['main.bicep', '--bicep', 'home'],
    code: 2,
    stderrLines: [`bicep-audit: --bicep ${home}: a folder, not a file; give the path of a Bicep CLI executable\n`],
  },
  {
    name: 'no Bicep CLI anywhere: what to do',
    argv: ['main.bicep'],
    code: 3,
    stderrLines: [
      `bicep-audit: no Bicep CLI found; looked in the provisioned copy (${path.join(home, '.cache', 'bicep-audit', 'bicep')}`,
      '. To audit Bicep files, run `npx bicep-audit --provision` (downloads the pinned Bicep CLI from your NuGet feed into your user cache), or set BICEP_PATH to a Bicep CLI, or run `az bicep install`.\n',
    ],
  },
  {
    name: 'a CLI that prints garbage instead of JSON-RPC',
    argv: ['main.bicep', '--bicep', path.join(fakes, 'garbage.js')],
    code: 3,
    stderrLines: ['bicep-audit: the Bicep CLI sent something that is not JSON-RPC', `  command: ${path.join(fakes, 'garbage.js')} jsonrpc --stdio`],
  },
  {
    name: 'a program that does not report a Bicep version',
    argv: ['main.bicep', '--bicep', path.join(fakes, 'no-version.js')],
    code: 3,
    stderrLines: ['bicep-audit: the Bicep CLI did not report its version', `  command: ${path.join(fakes, 'no-version.js')} --version`, '  exit code: 0', '  output: hello'],
  },
];

describe.each(RUNNERS)('environment failures (%s)', (_runner, run) => {
  it.each(scenarios)('$name → exit $code', async ({ argv, code, stderrLines }) => {
    const result = await run({ argv, cwd: tree, env: isolatedEnv(), homeDir: home });
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    for (const line of stderrLines) expect(result.stderr).toContain(`${line}`);
  });

  // A CLI that fails on a file fails that file, not the run: the report says what failed, with exit 3.
  it.each([
    [
      'a CLI that crashes on the file',
      'crashes.js',
      `the Bicep CLI JSON-RPC server ended unexpectedly with exit code 134 on this file twice (${path.join(fakes, 'crashes.js')} jsonrpc --stdio: Unhandled exception. System.InvalidOperationException: simulated crash)`,
    ],
    [
      'an old CLI (no JSON-RPC server) whose build prints no template',
      'old-garbage.js',
      `the Bicep CLI printed output that is not a template with exit code 0 on this file twice (${path.join(fakes, 'old-garbage.js')} build ${path.join(tree, 'main.bicep')} --stdout: <html>not a template</html>)`,
    ],
  ])('%s → exit 3 with a report naming the command, exit code and output', async (_name, cli, failure) => {
    const result = await run({ argv: ['main.bicep', '--bicep', path.join(fakes, cli), '--format', 'json'], cwd: tree, env: isolatedEnv(), homeDir: home });
    expect([result.code, result.stderr]).toEqual([3, '']);
    const report = JSON.parse(result.stdout) as { inputs: { status: string }[]; results: { ruleId: string; message: string }[] };
    expect(report.inputs.map((i) => i.status)).toEqual(['error']);
    expect(report.results.map((r) => [r.ruleId, r.message])).toEqual([['input', `cannot analyse ${path.join(tree, 'main.bicep')}: ${failure}; the file was not analysed`]]);
  });
});
