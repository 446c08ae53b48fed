import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { packageJson } from '../../src/package-info';
import { isolatedEnv } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'arm');
const ESC = '\u001b[';

/** Runs main() in-process with streams that say whether they are terminals. */
async function runWith(argv: string[], options: { stdoutTTY?: boolean; stderrTTY?: boolean; env?: Record<string, string>; cwd?: string }) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd ?? FIXTURES,
    env: isolatedEnv(options.env),
    homeDir: makeTree({}),
    stdout: { write: (t: string) => (stdout += t), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.stderrTTY ?? false },
  });
  return { code, stdout, stderr };
}

describe('on a terminal', () => {
  it('colours the stylish report', async () => {
    const result = await runWith(['typo.json'], { stdoutTTY: true });
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith(`${ESC}4mtypo.json${ESC}24m\n`)).toBe(true);
  });

  it('does not colour when NO_COLOR is set, nor when output goes to a pipe', async () => {
    const noColor = await runWith(['typo.json'], { stdoutTTY: true, env: { NO_COLOR: '1' } });
    const piped = await runWith(['typo.json'], {});
    expect(noColor.stdout).toBe(piped.stdout);
    expect(piped.stdout).not.toContain(ESC);
  });

  /** The lines drawn over each other on stderr, the clearing at the end taken off; undefined when it does not end cleared. */
  const drawn = (stderr: string) => (stderr.endsWith(`\r${ESC}K`) ? stderr.slice(0, -`\r${ESC}K`.length).split(`\r${ESC}K`).slice(1) : undefined);
  // How often it is drawn again depends on time: each line drawn is checked, and the first, drawn after the first input, is always there.
  const LINE = /^\[(\d)\/6\] \d+% · 0:0\d elapsed(?: · about 0:\d\d left)? · slowest (\S+) \(\d+\.\d s\)$/;

  it('shows a progress line on stderr for a run over more than five inputs, and clears it', async () => {
    const inputs = ['typo.json', 'same-file.json', 'loops.json', 'no-setting.json', 'two-settings.json', 'condition.json'];
    const result = await runWith([...inputs, '--format', 'json'], { stderrTTY: true });
    const lines = drawn(result.stderr)!;
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]).toMatch(/^\[1\/6\] 16% · 0:0\d elapsed · about 0:\d\d left · slowest \S+\.json \(\d+\.\d s\)$/);
    for (const line of lines) expect(line).toMatch(LINE);
    const quiet = await runWith(inputs.slice(0, 5), { stderrTTY: true });
    expect(quiet.stderr).toBe('');
    const piped = await runWith(inputs, { stderrTTY: false });
    expect(piped.stderr).toBe('');
    const ci = await runWith(inputs, { stderrTTY: true, env: { CI: 'true' } });
    expect(ci.stderr).toBe('');
  });

  it('names the slowest entry in the progress line by its path, not its base name', async () => {
    const inputs = ['typo.json', 'same-file.json', 'loops.json', 'no-setting.json', 'two-settings.json', 'condition.json'].map((f) => `arm/${f}`);
    const result = await runWith([...inputs, '--format', 'json'], { stderrTTY: true, cwd: path.dirname(FIXTURES) });
    for (const line of drawn(result.stderr)!) expect(inputs).toContain(LINE.exec(line)?.[2]);
  });
});

describe('in GitHub Actions', () => {
  it('--format github appends a job summary to GITHUB_STEP_SUMMARY, after what was there', async () => {
    const summary = path.join(makeTree({}), 'summary.md');
    fs.writeFileSync(summary, '## an earlier step\n');
    const result = await runWith(['same-file.json', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
    expect(fs.readFileSync(summary, 'utf8')).toBe(
      `## an earlier step\n## bicep-audit\n\n**No problems** in 1 input: 0 errors, 0 warnings, 0 notes, 0 suppressed.\n\nbicep-audit ${packageJson().version}, no Bicep CLI needed.\n`,
    );
  });

  it('other formats leave the job summary alone', async () => {
    const summary = path.join(makeTree({}), 'summary.md');
    await runWith(['same-file.json', '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(fs.existsSync(summary)).toBe(false);
  });
});
