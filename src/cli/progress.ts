import path from 'node:path';

/** Where a run stands after an input is analysed. */
export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
  /** The input that took longest so far, and how long. */
  slowest?: { file: string; ms: number };
}

/** `0:07`, `1:02`, `1:02:03`. */
export function clockTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * One line: inputs done of the total, time so far, an estimate of the time left (the pace so far
 * over what is left), and the slowest input by its path, cut to the terminal's width.
 */
export function formatProgress(state: ProgressState, cwd: string, columns?: number): string {
  const { done, total, elapsedMs, slowest } = state;
  const parts = [`[${done}/${total}] ${Math.floor((100 * done) / total)}%`, `${clockTime(elapsedMs)} elapsed`];
  if (done > 0 && done < total) parts.push(`about ${clockTime((elapsedMs / done) * (total - done))} left`);
  // By path: a repository has many a main.bicep.
  if (slowest) parts.push(`slowest ${path.relative(cwd, slowest.file)} (${(slowest.ms / 1000).toFixed(1)} s)`);
  const line = parts.join(' · ');
  // A line longer than the terminal wraps, and the next one would no longer draw over it.
  return columns !== undefined && columns > 1 && line.length >= columns ? `${line.slice(0, columns - 2)}…` : line;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A progress line helps only when a run takes a while and someone watches the terminal. */
const PROGRESS_AFTER = 5;
/** At most this often the line is drawn again: each draw costs the terminal, and a faster one cannot be read. */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * The progress line of a run on stderr, drawn over itself: only when stderr is a terminal and not
 * in CI (whose logs keep every draw), and only for more than PROGRESS_AFTER inputs. It is drawn
 * after the first input and then at most every PROGRESS_INTERVAL_MS, and cleared at the end.
 */
export function progressLine(stderr: ProgressStream, cwd: string, env: Record<string, string | undefined>, now: () => number = () => performance.now()) {
  if (!stderr.isTTY || env.CI) return { update: undefined, clear: () => undefined };
  const start = now();
  let drawnAt: number | undefined;
  let slowest: ProgressState['slowest'];
  return {
    update: (done: number, total: number, file: string, ms: number) => {
      if (!slowest || ms > slowest.ms) slowest = { file, ms };
      if (total <= PROGRESS_AFTER) return;
      const at = now();
      if (drawnAt !== undefined && at - drawnAt < PROGRESS_INTERVAL_MS) return;
      drawnAt = at;
      stderr.write(`\r\u001b[K${formatProgress({ done, total, elapsedMs: at - start, slowest }, cwd, stderr.columns)}`);
    },
    clear: () => drawnAt !== undefined && stderr.write('\r\u001b[K'),
  };
}
