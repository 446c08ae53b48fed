import { Random } from '../fuzz/random';
import { ORACLE_CONTEXT } from './deployment-context';
import { ProgramBuilder } from './program-builder';
import { avmModule, modulePath, SETTING, settingModule, targetModule } from './program-modules';
import { TARGET_KINDS, type TargetKind } from './target-kinds';

/** A generated Bicep deployment: its files by relative path; `main.bicepparam` is the entry. */
export interface OracleProgram {
  seed: number;
  index: number;
  files: Record<string, string>;
}

const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit';
const STORAGE = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/auditlogs';
const DESTINATIONS = {
  workspace: `workspaceId: '${WORKSPACE}'`,
  storage: `storageAccountId: '${STORAGE}'`,
  eventHub:
    "eventHubAuthorizationRuleId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.EventHub/namespaces/audit/authorizationRules/send'\n    eventHubName: 'acr'",
  partner: "marketplacePartnerId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.Datadog/monitors/audit'",
} as const;

/** A literal name expression of the kind, in one of the shapes Bicep users write. */
function nameExpression(b: ProgramBuilder, kind: TargetKind, prefix: string, suffix: string): string {
  const r = b.random;
  switch (r.int(0, 4)) {
    case 0:
      return r.chance(0.5) ? `'${kind.short}${suffix}'` : `'${suffix.toLowerCase()}\${uniqueString(resourceGroup().id, ${prefix})}'`;
    case 1:
      return `'\${${prefix}}${suffix}'`;
    case 2:
      return `toLower('${kind.short.toUpperCase()}\${${prefix}}${suffix.toUpperCase()}')`;
    case 3:
      if (b.random.chance(0.5)) {
        b.func('resourceName', '(prefix string, suffix string) string => toLower(\'${prefix}-${suffix}\')');
        return `resourceName(${prefix}, '${suffix}')`;
      }
      return `format('{0}r{1}', ${prefix}, '${suffix}')`;
    default:
      return b.param(`${kind.stem}Name`, 'string', `'given${suffix}'`);
  }
}

/** A bool for a condition or `enabled`: literal, or a parameter given or defaulted. */
function boolExpression(b: ProgramBuilder, likelyTrue: number): string {
  const value = b.random.chance(likelyTrue);
  switch (b.random.int(0, 2)) {
    case 0:
      return String(value);
    case 1:
      return b.param('flag', 'bool', String(value));
    default:
      return b.param('flag', 'bool', undefined, String(value));
  }
}

/** The entry with its name in another letter case: Azure matches category and group names in any case. */
function recased(b: ProgramBuilder, entry: string): string {
  return entry.replace(/'(.)([^']*)'/, (_, first: string, rest: string) =>
    b.random.chance(0.5) ? `'${(first + rest).toLowerCase()}'` : `'${first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase()}${rest}'`,
  );
}

function logsArray(b: ProgramBuilder, kind: TargetKind, indent: string): string {
  const r = b.random;
  const entries = kind.logEntries.filter(() => r.chance(0.45)).map((e) => (r.chance(0.08) ? recased(b, e) : e));
  if (entries.length === 0 && r.chance(0.7)) entries.push(r.pick(kind.logEntries));
  if (r.chance(0.15)) {
    // The categories from a parameter array, through a loop.
    const given = entries.filter((e) => e.startsWith('category:')).map((e) => e.slice('category: '.length));
    const list = b.param('categories', 'array', `[${given.join(', ')}]`);
    return `[for c in ${list}: { category: c, enabled: true }]`;
  }
  const items = entries.map((e) => `${indent}  { ${e}, enabled: ${r.chance(0.8) ? 'true' : boolExpression(b, 0.5)} }`);
  return items.length === 0 ? '[]' : `[\n${items.join('\n')}\n${indent}]`;
}

function destinations(b: ProgramBuilder): string[] {
  const r = b.random;
  const chosen = (Object.keys(DESTINATIONS) as (keyof typeof DESTINATIONS)[]).filter(() => r.chance(0.3));
  if (chosen.length === 0 && r.chance(0.85)) chosen.push('workspace');
  return chosen.map((key) => DESTINATIONS[key]);
}

/** A diagnostic setting on `scope` (`res`, `res[i]`) of the kind, in the block's own loop when it has one. */
function settingBlock(b: ProgramBuilder, kind: TargetKind, scope: string, loopHeader: string | undefined): string {
  const r = b.random;
  const symbol = b.fresh('setting');
  const condition = r.chance(0.25) ? `if (${boolExpression(b, 0.6)}) ` : '';
  // Each name has the setting's symbol: two settings with one ID replace each other, in an order Azure does not fix.
  const name = r.pick([`'${symbol}'`, `'diag-${symbol}'`, `'\${${scope}.name}-${symbol}'`]);
  const body = [
    `  name: ${name}`,
    `  scope: ${scope}`,
    '  properties: {',
    ...destinations(b).map((d) => `    ${d}`),
    `    logs: ${logsArray(b, kind, '    ')}`,
    ...(r.chance(0.3) ? ["    metrics: [{ category: 'AllMetrics', enabled: true }]"] : []),
    '  }',
  ];
  const open = loopHeader ? `[${loopHeader}: ${condition}{` : `${condition}{`;
  return [`resource ${symbol} ${SETTING} = ${open}`, ...body, loopHeader ? '}]' : '}'].join('\n');
}

/**
 * Zero to two settings on `scope`, declared beside it or attached from a module; a module may look
 * up a resource of another kind by the same name, whose setting must count for nothing here.
 */
function settingsOn(b: ProgramBuilder, kind: TargetKind, scope: string, loopHeader: string | undefined): void {
  const r = b.random;
  for (let s = r.weighted([[2, 0], [5, 1], [2, 2]] as const); s > 0; s -= 1) {
    if (!r.chance(0.25)) b.block(settingBlock(b, kind, scope, loopHeader));
    else b.block(settingModuleCall(b, r.chance(0.2) ? r.pick(TARGET_KINDS) : kind, scope, loopHeader));
  }
}

/** A resource of the kind (single, looped over a range or an array, conditional) with zero to two settings. */
function targetBlock(b: ProgramBuilder, kind: TargetKind, prefix: string, location: string): void {
  const r = b.random;
  const symbol = b.fresh(kind.stem);
  const shape = r.pick(['single', 'single', 'range', 'array', 'items', 'keys'] as const);
  const condition = r.chance(0.2) ? `if (${boolExpression(b, 0.6)}) ` : '';
  let loopHeader: string | undefined;
  let name: string;
  if (shape === 'range') {
    const count = r.int(0, 3);
    loopHeader = `for i in range(0, ${r.chance(0.5) ? count : b.param('count', 'int', String(count))})`;
    name = `'\${${prefix}}${symbol}x\${i}'`;
  } else if (shape === 'array') {
    const values = Array.from({ length: r.int(0, 3) }, (_, i) => `'${String.fromCharCode(97 + r.int(0, 25))}${i}'`);
    const list = b.param('names', 'array', `[${values.join(', ')}]`);
    loopHeader = `for (n, i) in ${list}`;
    name = `'\${${prefix}}\${n}${symbol}'`;
  } else if (shape === 'items' || shape === 'keys') {
    // Keys in no order and of mixed case: items() and objectKeys() give them sorted.
    const keys = r.pick([['west', 'East', 'central'], ['b', 'a'], ['Zeta', 'alpha', 'Mid', 'beta'], []]);
    const map = b.param('regions', 'object', `{ ${keys.map((k, i) => `${k}: 'v${i}'`).join(', ')} }`);
    loopHeader = shape === 'items' ? `for (item, i) in items(${map})` : `for (key, i) in objectKeys(${map})`;
    name = shape === 'items' ? `'\${${prefix}}\${item.value}${symbol}'` : `toLower('\${${prefix}}\${key}${symbol}')`;
  } else {
    name = nameExpression(b, kind, prefix, symbol);
  }
  // A filtered loop: only the even instances are deployed.
  const filter = loopHeader && condition === '' && r.chance(0.25) ? 'if (i % 2 == 0) ' : condition;
  const open = loopHeader ? `[${loopHeader}: ${filter}{` : `${condition}{`;
  b.block([`resource ${symbol} ${kind.declaration} = ${open}`, `  name: ${name}`, `  location: ${location}`, ...kind.body, loopHeader ? '}]' : '}'].join('\n'));
  settingsOn(b, kind, loopHeader ? `${symbol}[i]` : symbol, loopHeader);
}

/** A module that attaches a setting to a resource of `lookup`'s kind through an `existing` reference named like `scope`. */
function settingModuleCall(b: ProgramBuilder, lookup: TargetKind, scope: string, loopHeader: string | undefined, resourceGroup?: string): string {
  b.files[modulePath.setting(lookup)] = settingModule(lookup);
  const symbol = b.fresh('diagnostics');
  const logs = logsArray(b, lookup, '    ');
  const workspace = b.random.chance(0.85) ? [`    workspaceId: '${WORKSPACE}'`] : [];
  const name = loopHeader ? `'${symbol}-\${i}'` : `'${symbol}'`;
  const body = [
    `  name: ${name}`,
    ...(resourceGroup === undefined ? [] : [`  scope: resourceGroup('${resourceGroup}')`]),
    '  params: {',
    `    targetName: ${scope}.name`, // `res.name`, `res[i].name` or a module's `outputs.name`
    `    settingName: 'via-${symbol}'`,
    `    logs: ${logs}`,
    ...workspace,
    '  }',
  ];
  const open = loopHeader ? `[${loopHeader}: {` : '{';
  return [`module ${symbol} '${modulePath.setting(lookup)}' = ${open}`, ...body, loopHeader ? '}]' : '}'].join('\n');
}

/** A resource of the kind deployed by a module, with its setting (of one category group) switched on or off by the caller. */
function targetModuleCall(b: ProgramBuilder, kind: TargetKind, prefix: string): void {
  b.files[modulePath.target(kind)] = targetModule(kind);
  const r = b.random;
  const symbol = b.fresh(`${kind.stem}Module`);
  const condition = r.chance(0.2) ? `if (${boolExpression(b, 0.6)}) ` : '';
  const audit = r.chance(0.3) ? [] : [`    auditLogs: ${boolExpression(b, 0.6)}`];
  const group = r.chance(0.5) ? [] : [`    group: '${r.pick(['audit', 'allLogs'])}'`];
  // Plain, looped, or deployed to another resource group of the subscription.
  const shape = r.weighted([[4, 'plain'], [2, 'looped'], [1, 'elsewhere']] as const);
  const loopHeader = shape === 'looped' ? `for i in range(0, ${r.int(0, 2)})` : undefined;
  const suffix = loopHeader ? `${symbol.toLowerCase()}x\${i}` : symbol.toLowerCase();
  const body = [
    `  name: '${symbol}${loopHeader ? '-\${i}' : ''}'`,
    ...(shape === 'elsewhere' ? ["  scope: resourceGroup('rg-elsewhere')"] : []),
    '  params: {',
    `    name: '\${${prefix}}${suffix}'`,
    ...audit,
    ...group,
    `    workspaceId: '${WORKSPACE}'`,
    '  }',
  ];
  const open = loopHeader ? `[${loopHeader}: ${condition}{` : `${condition}{`;
  b.block([`module ${symbol} '${modulePath.target(kind)}' = ${open}`, ...body, loopHeader ? '}]' : '}'].join('\n'));
  // A setting attached from another module, to the resource the first module's output names.
  if (shape === 'plain' && condition === '' && r.chance(0.4)) b.block(settingModuleCall(b, kind, `${symbol}.outputs`, undefined));
}

/** The AVM-style module of the kind, called with or without settings, with `options.?x` that may be null. */
function avmModuleCall(b: ProgramBuilder, kind: TargetKind, prefix: string): void {
  b.files[modulePath.avm(kind)] = avmModule(kind);
  const r = b.random;
  const symbol = b.fresh('avm');
  const options = b.param('options', 'object', r.pick(['{}', '{ exportLogs: false }', '{ exportLogs: true }']));
  const setting = () => {
    const fields = [
      ...(r.chance(0.5) ? [`name: '${b.fresh('custom')}'`] : []),
      ...(r.chance(0.8) ? [`workspaceResourceId: '${WORKSPACE}'`] : []),
      ...(r.chance(0.2) ? [`storageAccountResourceId: '${STORAGE}'`] : []),
      ...(r.chance(0.5)
        ? [`logCategoriesAndGroups: [${kind.logEntries.filter(() => r.chance(0.4)).map((e) => `{ ${e}${r.chance(0.3) ? `, enabled: ${r.chance(0.5)}` : ''} }`).join(', ')}]`]
        : []),
    ];
    return `{ ${fields.join(', ')} }`;
  };
  const settings = r.weighted([
    [2, undefined],
    [1, '[]'],
    [4, `[${Array.from({ length: r.int(1, 2) }, setting).join(', ')}]`],
  ] as const);
  b.block(
    [
      `module ${symbol} '${modulePath.avm(kind)}' = {`,
      `  name: '${symbol}'`,
      '  params: {',
      `    name: '\${${prefix}}${symbol}'`,
      ...(settings === undefined ? [] : [`    diagnosticSettings: ${settings}`]),
      ...(r.chance(0.6) ? [`    exportEnabled: ${options}.?exportLogs`] : []),
      '  }',
      '}',
    ].join('\n'),
  );
}

/** A setting on a resource of the kind that this deployment does not create. */
function existingTargetBlock(b: ProgramBuilder, kind: TargetKind, prefix: string): void {
  const symbol = b.fresh(`shared${kind.stem}`);
  b.block([`resource ${symbol} ${kind.declaration} existing = {`, `  name: '\${${prefix}}${symbol}'`, '}'].join('\n'));
  b.block(settingBlock(b, kind, symbol, undefined));
}

/**
 * Two resources of different kinds whose names end in the same parameter's value (or are the
 * same name), each with its own settings: one's settings must never count for the other.
 */
function twinBlock(b: ProgramBuilder, prefix: string, location: string): void {
  const r = b.random;
  const first = r.pick(TARGET_KINDS);
  const second = r.pick(TARGET_KINDS.filter((k) => k !== first));
  const shared = b.param('shared', 'string', `'twin${b.fresh('x')}'`);
  const sameName = r.chance(0.5);
  for (const kind of [first, second]) {
    const symbol = b.fresh(kind.stem);
    const name = sameName ? `'\${${prefix}}\${${shared}}'` : `'${kind.short}\${${shared}}'`;
    b.block([`resource ${symbol} ${kind.declaration} = {`, `  name: ${name}`, `  location: ${location}`, ...kind.body, '}'].join('\n'));
    settingsOn(b, kind, symbol, undefined);
  }
}

/**
 * A resource of this deployment, and a module in a resource group named by a literal that attaches
 * settings to an `existing` resource of the same name there: another group's resource, unless the
 * literal is the group the deployment goes to. Sometimes a setting of its own as well.
 */
function sharedGroupBlock(b: ProgramBuilder, kind: TargetKind, prefix: string, location: string): void {
  const r = b.random;
  const symbol = b.fresh(kind.stem);
  b.block([`resource ${symbol} ${kind.declaration} = {`, `  name: '\${${prefix}}${symbol}'`, `  location: ${location}`, ...kind.body, '}'].join('\n'));
  const group = r.weighted([[3, 'shared-rg'], [1, ORACLE_CONTEXT.resourceGroup]] as const);
  b.block(settingModuleCall(b, kind, symbol, undefined, group));
  if (r.chance(0.3)) b.block(settingBlock(b, kind, symbol, undefined));
}

/** The program for one (seed, index): the same inputs give the same files on every machine. */
export function generateProgram(seed: number, index: number): OracleProgram {
  const b = new ProgramBuilder(Random.forCase(seed, 'oracle', index));
  const prefix = b.param('prefix', 'string', `'p${index}'`);
  const location = b.random.chance(0.5) ? 'resourceGroup().location' : b.param('location', 'string', undefined, 'resourceGroup().location');
  const blocks = b.random.int(1, 3);
  for (let k = 0; k < blocks; k += 1) {
    const kind = b.random.pick(TARGET_KINDS);
    b.random.weighted([
      [6, () => targetBlock(b, kind, prefix, location)],
      [2, () => targetModuleCall(b, kind, prefix)],
      [2, () => avmModuleCall(b, kind, prefix)],
      [1, () => existingTargetBlock(b, kind, prefix)],
      [2, () => twinBlock(b, prefix, location)],
      [1, () => sharedGroupBlock(b, kind, prefix, location)],
    ] as const)();
  }
  return { seed, index, files: b.build() };
}
