import type { Log, ReportingDescriptor, Result, Run } from 'sarif';

/** Shard logs that cannot be merged: not ours, from different runs, or not every shard once. */
export class SarifMergeError extends Error {}

const SHARD_RUN = /^bicep-audit\/shard-(\d+)-of-(\d+)$/;

interface ShardRun {
  source: string;
  run: Run;
  index: number;
  count: number;
}

function shardRunOf(source: string, log: unknown): ShardRun {
  const runs = (log as Partial<Log> | null)?.runs;
  const run = Array.isArray(runs) && runs.length === 1 ? runs[0] : undefined;
  if (run?.tool?.driver?.name !== 'bicep-audit') throw new SarifMergeError(`${source} is not a SARIF log of one bicep-audit run`);
  const match = SHARD_RUN.exec(run.automationDetails?.id ?? '');
  if (!match) throw new SarifMergeError(`${source} is not the log of a shard (run with --shard i/n --format sarif)`);
  return { source, run, index: Number(match[1]), count: Number(match[2]) };
}

/** The same value in every run, or an error naming the first file that differs. */
function sameInAll<T>(shards: readonly ShardRun[], what: string, valueOf: (run: Run) => T): T {
  const first = JSON.stringify(valueOf(shards[0]!.run));
  const other = shards.find((s) => JSON.stringify(valueOf(s.run)) !== first);
  if (other) throw new SarifMergeError(`${other.source} has another ${what} than ${shards[0]!.source}: the shards must come from one run of one version`);
  return valueOf(shards[0]!.run);
}

/**
 * The n shard logs of one audit (`--shard i/n`), as one run for one code scanning upload: each
 * shard exactly once, or an error, since a missing shard would close its files' alerts.
 */
export function mergeShardLogs(logs: readonly { source: string; log: unknown }[]): Log {
  if (logs.length === 0) throw new SarifMergeError('no SARIF files to merge');
  const shards = logs.map(({ source, log }) => shardRunOf(source, log)).sort((a, b) => a.index - b.index);
  const count = sameInAll(shards, 'shard count', (run) => SHARD_RUN.exec(run.automationDetails!.id!)![2]);
  const expected = Array.from({ length: Number(count) }, (_, i) => i + 1);
  const missing = expected.filter((i) => !shards.some((s) => s.index === i));
  const twice = shards.find((s, i) => i > 0 && shards[i - 1]!.index === s.index);
  if (twice) throw new SarifMergeError(`shard ${twice.index} of ${count} is given twice (${shards.find((s) => s.index === twice.index)!.source} and ${twice.source})`);
  if (missing.length > 0) {
    const which = missing.length === 1 ? `shard ${missing[0]} of ${count} is` : `shards ${missing.join(', ')} of ${count} are`;
    throw new SarifMergeError(`${which} missing: every shard is needed, or the alerts on its files would be closed`);
  }
  const version = sameInAll(shards, 'bicep-audit version', (run) => run.tool.driver.version);
  const srcRoot = sameInAll(shards, 'repository root', (run) => run.originalUriBaseIds);
  const rules = new Map<string, ReportingDescriptor>();
  for (const { run } of shards) {
    // A Bicep code's rule takes its results' level, which may differ between shards: the highest stays.
    for (const rule of run.tool.driver.rules ?? []) if (levelOf(rule) > levelOf(rules.get(rule.id))) rules.set(rule.id, rule);
  }
  const ruleIds = [...rules.keys()];
  const results: Result[] = shards.flatMap(({ run }) => (run.results ?? []).map((r) => ({ ...r, ruleIndex: ruleIds.indexOf(r.ruleId!) })));
  const invocations = shards.flatMap(({ run }) => run.invocations ?? []);
  const bicepVersions = [...new Set(shards.map(({ run }) => run.properties?.bicepVersion).filter((v) => v !== undefined))];
  const { automationDetails: _shardOnly, ...first } = shards[0]!.run;
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        ...first,
        tool: { driver: { ...first.tool.driver, version, rules: [...rules.values()] } },
        ...(srcRoot ? { originalUriBaseIds: srcRoot } : {}),
        results,
        invocations: [{ executionSuccessful: invocations.every((i) => i.executionSuccessful), ...notifications(invocations) }],
        ...(bicepVersions.length > 0 ? { properties: { bicepVersion: bicepVersions.join(', ') } } : {}),
      },
    ],
  };
}

const LEVELS = ['none', 'note', 'warning', 'error'];

function levelOf(rule: ReportingDescriptor | undefined): number {
  return rule === undefined ? -1 : LEVELS.indexOf(rule.defaultConfiguration?.level ?? 'warning');
}

function notifications(invocations: NonNullable<Run['invocations']>) {
  const all = invocations.flatMap((i) => i.toolExecutionNotifications ?? []);
  return all.length > 0 ? { toolExecutionNotifications: all } : {};
}
