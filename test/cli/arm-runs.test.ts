import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv, RUNNERS } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'arm');
const FAKES = path.resolve(__dirname, '..', 'fixtures', 'fake-bicep');
const packageVersion = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
const home = makeTree({});

/** Every file below a folder with its bytes, to prove a run changed nothing. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(folder, full), fs.readFileSync(full).toString('base64'));
    }
  };
  walk(folder);
  return files;
}

interface Scenario {
  name: string;
  argv: string[];
  code: number;
}

const scenarios: Scenario[] = [
  { name: 'a clean template', argv: ['same-file.json'], code: 0 },
  { name: 'a failing template at the default --fail-on error', argv: ['typo.json'], code: 1 },
  { name: 'a failing template with --fail-on never', argv: ['typo.json', '--fail-on', 'never'], code: 0 },
  { name: 'a review (warning) at the default --fail-on error', argv: ['condition.json', '--param', 'enableAudit=true'], code: 0 },
  { name: 'a review (warning) with --fail-on warning', argv: ['condition.json', '--param', 'enableAudit=true', '--fail-on', 'warning'], code: 1 },
  { name: 'a parameter value that decides the review', argv: ['condition.json', '--param', 'enableAudit=true', '--param', 'exportLogins=true', '--fail-on', 'note'], code: 0 },
  { name: 'a clean and a failing template together', argv: ['same-file.json', 'typo.json'], code: 1 },
  { name: 'a failing template and a missing file', argv: ['typo.json', 'missing.json'], code: 2 },
];

describe.each(RUNNERS)('runs on ARM templates (%s)', (_runner, run) => {
  const invoke = (argv: string[]) => run({ argv, cwd: FIXTURES, env: isolatedEnv(), homeDir: home });

  it.each(scenarios)('$name → exit $code', async ({ argv, code }) => {
    const result = await invoke([...argv, '--format', 'json']);
    expect(result.code).toBe(code);
    expect(result.stderr).toBe('');
  });

  it('--param with a name the template does not declare is a usage error naming it, the closest and the declared ones (exit 2), as az deployment rejects it', async () => {
    const result = await invoke(['condition.json', '--param', 'enableAudits=true']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "bicep-audit: --param enableAudits: the template does not declare a parameter of that name (did you mean 'enableAudit'?); declared: enableAudit, exportLogins\n",
    });
  });

  it('--param with a name no entry declares is a usage error; one that another entry declares is ignored by the entries that do not', async () => {
    const none = await invoke(['condition.json', 'typo.json', '--param', 'location=westeurope']);
    expect(none).toEqual({
      code: 2,
      stdout: '',
      stderr: 'bicep-audit: --param location: none of the 2 entry templates declares a parameter of that name; declared: enableAudit, exportLogins\n',
    });
    const typo = await invoke(['typo.json', '--param', 'anything=1']);
    expect(typo.stderr).toBe('bicep-audit: --param anything: the template does not declare a parameter of that name; it declares no parameters\n');
    // exportLogins=true clears condition.json's review; typo.json, which declares no parameter, keeps its finding.
    const some = await invoke(['condition.json', 'typo.json', '--param', 'enableAudit=true', '--param', 'exportLogins=true', '--fail-on', 'note', '--format', 'json']);
    expect([some.code, some.stderr]).toEqual([1, '']);
    expect((JSON.parse(some.stdout) as { results: { location: { file: string } }[] }).results.map((r) => path.basename(r.location.file))).toEqual(['typo.json']);
  });

  it('writes the report to --output and leaves the source tree byte for byte as it was', async () => {
    const before = snapshot(FIXTURES);
    const out = path.join(home, `report-${Date.now()}.sarif`);
    const result = await invoke(['.', 'typo.json', 'module-output.json', '--format', 'sarif', '--output', out]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results).toHaveLength(2);
    expect(snapshot(FIXTURES)).toEqual(before);
  });

  it('--version prints its own version and the Bicep CLI version and path', async () => {
    const cli = path.join(FAKES, 'crashes.js');
    const result = await invoke(['--version', '--bicep', cli]);
    expect(result).toEqual({
      code: 0,
      stdout: `bicep-audit ${packageVersion}\nBicep CLI 0.37.4 (${cli}, found via --bicep; bicep-audit is tested with 0.49.2, which \`npx bicep-audit --provision\` downloads)\n`,
      stderr: '',
    });
  });

  it('--version without any Bicep CLI says so and what to do, and exits 0', async () => {
    const result = await invoke(['--version']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      new RegExp(`^bicep-audit ${packageVersion.replace(/\./g, '\\.')}\\nBicep CLI: none found \\(the provisioned copy \\(.*\\), PATH, .*\\); ARM \\.json inputs need none\\. To audit Bicep files, run \`npx bicep-audit --provision\` .*\\n$`),
    );
  });
});
