import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BicepCompiler } from '../../src/bicep/compile-output';
import { startBicepCompiler } from '../../src/bicep/compiler';
import { compareViews } from './compare-views';
import { JUDGED_TYPES, type JudgedType, type TargetView } from './deployment-view';
import { engineView } from './engine-view';
import { generateProgram, type OracleProgram } from './generate-program';
import { ORACLE_ENTRY } from './program-builder';
import { runSnapshot } from './snapshot';
import { snapshotView } from './snapshot-view';

/** A compared program keeps Azure's verdicts, to count what the run judged. */
export type ProgramOutcome = { kind: 'compared'; differences: string[]; verdicts: TargetView[] } | { kind: 'skipped'; reason: string };

export interface ProgramResult {
  program: OracleProgram;
  outcome: ProgramOutcome;
}

/** Writes a program into a temp folder of its own, runs both engines on it and removes the folder. */
export async function compareProgram(cli: string, compiler: BicepCompiler, files: Record<string, string>): Promise<ProgramOutcome> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-audit-oracle-'));
  try {
    for (const [relative, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), content);
    }
    const entry = path.join(root, ORACLE_ENTRY);
    const [azure, engine] = await Promise.all([runSnapshot(cli, entry), engineView(compiler, entry)]);
    if (!azure.ok) return { kind: 'skipped', reason: azure.reason };
    if (!engine.ok) return { kind: 'skipped', reason: engine.reason };
    const azureView = snapshotView(azure.resources);
    return { kind: 'compared', differences: compareViews(azureView, engine.view), verdicts: [...azureView.targets.values()] };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Runs `work` on each item, at most `limit` at once, keeping the items' order in the results. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A warm Bicep server for the engine's compiles, closed when `use` ends. */
export async function withCompiler<T>(cli: string, jobs: number, use: (compiler: BicepCompiler) => Promise<T>): Promise<T> {
  const compiler = await startBicepCompiler(cli, { noRestore: false, timeoutMs: 120_000, restoreTimeoutMs: 20_000, jobs });
  try {
    return await use(compiler);
  } finally {
    await compiler.close();
  }
}

export interface OracleRun {
  cli: string;
  seed: number;
  count: number;
  /** Programs compared at once (each `bicep snapshot` is one process). */
  concurrency: number;
  /** Only these program indexes, to run one again. */
  only?: readonly number[];
}

export async function runOracle(run: OracleRun): Promise<ProgramResult[]> {
  const indexes = run.only ?? Array.from({ length: run.count }, (_, i) => i);
  return withCompiler(run.cli, run.concurrency, (compiler) =>
    mapConcurrently(indexes, run.concurrency, async (index) => {
      const program = generateProgram(run.seed, index);
      return { program, outcome: await compareProgram(run.cli, compiler, program.files) };
    }),
  );
}

/** How many resources of each judged type the compared programs deploy, and how many of them pass by Azure's settings. */
export function verdictTally(results: readonly ProgramResult[]): Record<JudgedType, { pass: number; fail: number }> {
  const tally = Object.fromEntries(JUDGED_TYPES.map((t) => [t, { pass: 0, fail: 0 }])) as Record<JudgedType, { pass: number; fail: number }>;
  for (const { outcome } of results) {
    if (outcome.kind !== 'compared') continue;
    for (const { type, verdict } of outcome.verdicts) if (verdict !== 'review') tally[type][verdict] += 1;
  }
  return tally;
}

/** `oracle: N compared, D disagreements`, what was judged, then the skipped programs and each disagreement. */
export function formatOracleReport(results: readonly ProgramResult[]): string {
  const compared = results.filter((r) => r.outcome.kind === 'compared');
  const disagreeing = compared.filter((r) => r.outcome.kind === 'compared' && r.outcome.differences.length > 0);
  const skipped = results.filter((r) => r.outcome.kind === 'skipped');
  const lines = [`oracle: ${compared.length} compared, ${disagreeing.length} disagreements${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}`];
  for (const [type, { pass, fail }] of Object.entries(verdictTally(results))) lines.push(`  ${type}: ${pass} pass, ${fail} fail by Azure's settings`);
  for (const { program, outcome } of skipped) lines.push(`skipped seed ${program.seed} program ${program.index}: ${outcome.kind === 'skipped' ? outcome.reason : ''}`);
  for (const { program, outcome } of disagreeing) {
    lines.push(`disagreement in seed ${program.seed} program ${program.index}:`);
    if (outcome.kind === 'compared') lines.push(...outcome.differences.map((d) => `  ${d}`));
  }
  return lines.join('\n');
}
