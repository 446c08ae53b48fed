import { clockTime, formatProgress, progressLine, PROGRESS_INTERVAL_MS } from '../../src/cli/progress';

const ESC = '\u001b[';

describe('the progress line', () => {
  it.each([
    [{ done: 0, total: 300, elapsedMs: 1200 }, '[0/300] 0% · 0:01 elapsed'],
    [{ done: 120, total: 300, elapsedMs: 62_000, slowest: { file: '/repo/avm/res/kv/tests/e2e/max/main.test.bicep', ms: 4_260 } }, '[120/300] 40% · 1:02 elapsed · about 1:33 left · slowest avm/res/kv/tests/e2e/max/main.test.bicep (4.3 s)'],
    [{ done: 300, total: 300, elapsedMs: 3_723_000, slowest: { file: '/repo/a.bicep', ms: 50 } }, '[300/300] 100% · 1:02:03 elapsed · slowest a.bicep (0.1 s)'],
  ])('%j reads %s', (state, line) => {
    expect(formatProgress(state, '/repo')).toBe(line);
  });

  it('is cut to the terminal width, so that the next one draws over it', () => {
    const line = formatProgress({ done: 1, total: 9, elapsedMs: 0, slowest: { file: '/repo/a/very/long/path/main.test.bicep', ms: 1 } }, '/repo', 30);
    expect(line).toBe('[1/9] 11% · 0:00 elapsed · a…');
    expect(line).toHaveLength(29);
  });

  it('writes clock times in minutes and seconds, with hours only past an hour', () => {
    expect([clockTime(0), clockTime(59_400), clockTime(61_000), clockTime(3_600_000)]).toEqual(['0:00', '0:59', '1:01', '1:00:00']);
  });

  /** A terminal that records what is written, and a clock the test moves. */
  function terminal(isTTY: boolean, env: Record<string, string> = {}) {
    let written = '';
    let clock = 0;
    const progress = progressLine({ write: (t: string) => (written += t), isTTY }, '/repo', env, () => clock);
    return { progress, written: () => written, advance: (ms: number) => (clock += ms) };
  }

  it('is drawn after the first input, then at most once per interval, over itself, and cleared at the end', () => {
    const { progress, written, advance } = terminal(true);
    advance(1000);
    progress.update!(1, 8, '/repo/a.bicep', 1000);
    advance(PROGRESS_INTERVAL_MS - 1);
    progress.update!(2, 8, '/repo/b.bicep', 3000);
    advance(1);
    progress.update!(3, 8, '/repo/c.bicep', 10);
    progress.clear();
    expect(written()).toBe(
      `\r${ESC}K[1/8] 12% · 0:01 elapsed · about 0:07 left · slowest a.bicep (1.0 s)` +
        `\r${ESC}K[3/8] 37% · 0:01 elapsed · about 0:02 left · slowest b.bicep (3.0 s)` +
        `\r${ESC}K`,
    );
  });

  it.each([
    ['stderr is not a terminal', false, {}],
    ['in CI', true, { CI: 'true' }],
  ])('is not drawn when %s', (_why, isTTY, env) => {
    const { progress, written } = terminal(isTTY, env);
    expect(progress.update).toBeUndefined();
    progress.clear();
    expect(written()).toBe('');
  });

  it('is not drawn for five inputs or fewer', () => {
    const { progress, written } = terminal(true);
    for (let done = 1; done <= 5; done += 1) progress.update!(done, 5, '/repo/a.bicep', 1);
    progress.clear();
    expect(written()).toBe('');
  });
});
