import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv, runInProcess } from './helpers/run-cli';
import { auditWithRealBicep } from './helpers/real-bicep';
import { FORMATS } from '../src/cli/args';
import { packageJson } from '../src/package-info';

const ROOT = path.resolve(__dirname, '..');

describe('README', () => {
  it('starts with the Bicep demo, and shows what it really prints, compiled by the real CLI', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('```sh\nnpm ci && npx bicep-audit bicep-fixtures/demo/main.bicep\n```');
    const shown = /It prints two findings and exits 1[^\n]*\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    const result = await auditWithRealBicep(['bicep-fixtures/demo/main.bicep', '--no-cache'], { cwd: ROOT });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(shown);
  });

  it('gives the ARM twin of the demo the same two findings without a Bicep CLI', async () => {
    const result = await runInProcess({ argv: ['bicep-fixtures/demo/registry.json', '--format', 'json'], cwd: ROOT, env: isolatedEnv(), homeDir: ROOT });
    expect(result.code).toBe(1);
    const messages = (JSON.parse(result.stdout) as { results: { message: string }[] }).results.map((r) => r.message.split(' ').slice(0, 2).join(' '));
    expect(messages).toEqual(["registry 'acrshareddemo'", "registry 'acrscratchdemo'"]);
  });

  it("shows in its JSON sample the finding the ARM demo gives, where it gives it (the sample's '...' elide)", async () => {
    type Report = { results: { location: { line: number; column: number; endLine: number; endColumn: number }; instance: { name: string; symbolicName: string } }[] };
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const sample = /- \*\*json\*\*:[^\n]*\n\n {2}```json\n([\s\S]*?) {2}```/.exec(readme)![1]!;
    const view = (r: Report['results'][number]) => ({ name: r.instance.name, symbolicName: r.instance.symbolicName, line: r.location.line, column: r.location.column, endLine: r.location.endLine, endColumn: r.location.endColumn });
    const shown = (JSON.parse(sample) as Report).results.map(view);
    const result = await runInProcess({ argv: ['bicep-fixtures/demo/registry.json', '--format', 'json'], cwd: ROOT, env: isolatedEnv(), homeDir: ROOT });
    const real = (JSON.parse(result.stdout) as Report).results.map(view);
    expect(real.filter((r) => shown.some((s) => s.name === r.name))).toEqual(shown);
  });

  it('has the MIT LICENSE that package.json names', () => {
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).license).toBe('MIT');
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} The bicep-audit authors\n\nPermission is hereby granted, free of charge,/);
  });

  it('runs the test command it names from .ci/run', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm test');
    expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toContain('npm ci && npm test');
  });

  it('names only formats the tool has, and the pinned Bicep CLI in the GitLab job', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/--format[ =]([a-z-]+)/g)].map((m) => m[1]!);
    expect(named.filter((format) => !(FORMATS as readonly string[]).includes(format))).toEqual([]);
    expect(named).toEqual(expect.arrayContaining(['azure-pipelines', 'sarif', 'junit', 'gitlab']));
    const releases = [...readme.matchAll(/releases\/download\/v([\d.]+)\/bicep-linux-x64/g)].map((m) => m[1]);
    expect(releases).toEqual([packageJson().bicepCli.version]);
  });
});
