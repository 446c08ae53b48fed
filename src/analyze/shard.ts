import { createHash } from 'node:crypto';
import path from 'node:path';
import { findRepositoryRoot } from '../discover/repository-root';

/** `--shard i/n`: this run audits the i-th of n parts of the entries (1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n` with 1 ≤ i ≤ n; undefined for anything else. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The shard (1-based) a file belongs to: a hash of its path inside its repository (with `/`, else
 * relative to `cwd`), so the same file lands in the same shard on every machine and checkout.
 */
export function shardOf(file: string, count: number, cwd: string): number {
  const base = findRepositoryRoot(path.dirname(file)) ?? cwd;
  const relative = path.relative(base, file).split(path.sep).join('/');
  return (createHash('sha256').update(relative).digest().readUInt32BE(0) % count) + 1;
}

/** Keeps what belongs to this run's shard, and counts what belongs to the others. */
export class ShardFilter {
  /** Inputs and results left to other shards so far. */
  others = 0;

  constructor(
    private readonly shard: Shard | undefined,
    private readonly cwd: string,
  ) {}

  has(file: string): boolean {
    return this.shard === undefined || this.shard.count === 1 || shardOf(file, this.shard.count, this.cwd) === this.shard.index;
  }

  mine<T extends { file: string }>(items: readonly T[]): T[] {
    const mine = items.filter((item) => this.has(item.file));
    this.others += items.length - mine.length;
    return mine;
  }
}
