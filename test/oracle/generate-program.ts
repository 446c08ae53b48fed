import { Random } from '../fuzz/random';

/** A generated Bicep deployment: its files by relative path; `main.bicepparam` is the entry. */
export interface OracleProgram {
  seed: number;
  index: number;
  files: Record<string, string>;
}

export const ORACLE_ENTRY = 'main.bicepparam';

const REGISTRY = "'Microsoft.ContainerRegistry/registries@2023-07-01'";
const SETTING = "'Microsoft.Insights/diagnosticSettings@2021-05-01-preview'";
const LOG_ENTRIES = [
  "category: 'ContainerRegistryLoginEvents'",
  "category: 'ContainerRegistryRepositoryEvents'",
  "categoryGroup: 'audit'",
  "categoryGroup: 'allLogs'",
];
const DESTINATIONS = {
  workspace: "workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'",
  storage: "storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/auditlogs'",
  eventHub:
    "eventHubAuthorizationRuleId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.EventHub/namespaces/audit/authorizationRules/send'\n    eventHubName: 'acr'",
  partner: "marketplacePartnerId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.Datadog/monitors/audit'",
} as const;

/** The setting module: attaches a setting to an `existing` registry named by its caller. */
const SETTING_MODULE = `param registryName string
param settingName string
param logs array
param workspaceId string = ''

resource registry ${REGISTRY} existing = {
  name: registryName
}

resource setting ${SETTING} = {
  name: settingName
  scope: registry
  properties: {
    workspaceId: empty(workspaceId) ? null : workspaceId
    logs: logs
  }
}
`;

/** The registry module: deploys a registry and, when asked, a setting on it. */
const REGISTRY_MODULE = `param name string
param location string = resourceGroup().location
param auditLogs bool = false
param workspaceId string

resource registry ${REGISTRY} = {
  name: name
  location: location
  sku: { name: 'Basic' }
}

resource setting ${SETTING} = if (auditLogs) {
  name: '\${name}-audit'
  scope: registry
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'audit', enabled: true }]
  }
}

output id string = registry.id
output name string = registry.name
`;

/** A registry module in the style of Azure Verified Modules: typed, nullable settings, `??`, `.?` and a lambda. */
const AVM_REGISTRY_MODULE = `type logCategoryType = {
  category: string?
  categoryGroup: string?
  enabled: bool?
}

type diagnosticSettingType = {
  name: string?
  workspaceResourceId: string?
  storageAccountResourceId: string?
  logCategoriesAndGroups: logCategoryType[]?
}[]?

param name string
param location string = resourceGroup().location
param diagnosticSettings diagnosticSettingType
param exportEnabled bool = true

resource registry ${REGISTRY} = {
  name: name
  location: location
  sku: { name: 'Basic' }
}

resource settings ${SETTING} = [for (setting, index) in (diagnosticSettings ?? []): if (exportEnabled) {
  name: setting.?name ?? '\${name}-diagnosticSettings-\${index}'
  scope: registry
  properties: {
    workspaceId: setting.?workspaceResourceId
    storageAccountId: setting.?storageAccountResourceId
    logs: map(setting.?logCategoriesAndGroups ?? [{ categoryGroup: 'allLogs' }], group => {
      category: group.?category
      categoryGroup: group.?categoryGroup
      enabled: group.?enabled ?? true
    })
  }
}]

output name string = registry.name
output resourceId string = registry.id
`;

/** Builds one program: parameters (declared in main.bicep, given in main.bicepparam), blocks and modules. */
class ProgramBuilder {
  private readonly params: string[] = [];
  private readonly given: string[] = [];
  private readonly blocks: string[] = [];
  private readonly functions: string[] = [];
  readonly files: Record<string, string> = {};
  private count = 0;

  constructor(readonly random: Random) {}

  /** A fresh name for a symbol or parameter. */
  fresh(stem: string): string {
    this.count += 1;
    return `${stem}${this.count}`;
  }

  /** Declares a parameter; `given` goes into the .bicepparam, `fallback` is its default. */
  param(stem: string, type: string, given: string | undefined, fallback?: string): string {
    const name = this.fresh(stem);
    this.params.push(`param ${name} ${type}${fallback === undefined ? '' : ` = ${fallback}`}`);
    if (given !== undefined) this.given.push(`param ${name} = ${given}`);
    return name;
  }

  block(text: string): void {
    this.blocks.push(text);
  }

  /** Declares a user-defined function once. */
  func(name: string, signature: string): void {
    const declaration = `func ${name}${signature}`;
    if (!this.functions.includes(declaration)) this.functions.push(declaration);
  }

  build(): Record<string, string> {
    return {
      ...this.files,
      'main.bicep': [...this.functions, ...this.params, '', ...this.blocks].join('\n') + '\n',
      [ORACLE_ENTRY]: ["using 'main.bicep'", '', ...this.given].join('\n') + '\n',
    };
  }
}

/** A registry name expression, in one of the shapes Bicep users write. */
function registryNameExpression(b: ProgramBuilder, prefix: string, suffix: string): string {
  const r = b.random;
  switch (r.int(0, 4)) {
    case 0:
      return r.chance(0.5) ? `'acr${suffix}'` : `'${suffix.toLowerCase()}\${uniqueString(resourceGroup().id, ${prefix})}'`;
    case 1:
      return `'\${${prefix}}${suffix}'`;
    case 2:
      return `toLower('ACR\${${prefix}}${suffix.toUpperCase()}')`;
    case 3:
      if (b.random.chance(0.5)) {
        b.func('registryName', '(prefix string, suffix string) string => toLower(\'${prefix}-${suffix}\')');
        return `registryName(${prefix}, '${suffix}')`;
      }
      return `format('{0}r{1}', ${prefix}, '${suffix}')`;
    default:
      return b.param('registryName', 'string', `'given${suffix}'`);
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

function logsArray(b: ProgramBuilder, indent: string): string {
  const r = b.random;
  const entries = LOG_ENTRIES.filter(() => r.chance(0.45));
  if (entries.length === 0 && r.chance(0.7)) entries.push(r.pick(LOG_ENTRIES));
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

/** A diagnostic setting on `scope` (`reg`, `reg[i]`), in the block's own loop when it has one. */
function settingBlock(b: ProgramBuilder, scope: string, loopHeader: string | undefined): string {
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
    `    logs: ${logsArray(b, '    ')}`,
    ...(r.chance(0.3) ? ["    metrics: [{ category: 'AllMetrics', enabled: true }]"] : []),
    '  }',
  ];
  const open = loopHeader ? `[${loopHeader}: ${condition}{` : `${condition}{`;
  return [`resource ${symbol} ${SETTING} = ${open}`, ...body, loopHeader ? '}]' : '}'].join('\n');
}

/** A registry (single, looped over a range or an array, conditional) with zero to two settings. */
function registryBlock(b: ProgramBuilder, prefix: string, location: string): void {
  const r = b.random;
  const symbol = b.fresh('registry');
  const kind = r.pick(['single', 'single', 'range', 'array', 'items', 'keys'] as const);
  const condition = r.chance(0.2) ? `if (${boolExpression(b, 0.6)}) ` : '';
  let loopHeader: string | undefined;
  let name: string;
  if (kind === 'range') {
    const count = r.int(0, 3);
    loopHeader = `for i in range(0, ${r.chance(0.5) ? count : b.param('count', 'int', String(count))})`;
    name = `'\${${prefix}}${symbol}x\${i}'`;
  } else if (kind === 'array') {
    const values = Array.from({ length: r.int(0, 3) }, (_, i) => `'${String.fromCharCode(97 + r.int(0, 25))}${i}'`);
    const list = b.param('names', 'array', `[${values.join(', ')}]`);
    loopHeader = `for (n, i) in ${list}`;
    name = `'\${${prefix}}\${n}${symbol}'`;
  } else if (kind === 'items' || kind === 'keys') {
    // Keys in no order and of mixed case: items() and objectKeys() give them sorted.
    const keys = r.pick([['west', 'East', 'central'], ['b', 'a'], ['Zeta', 'alpha', 'Mid', 'beta'], []]);
    const map = b.param('regions', 'object', `{ ${keys.map((k, i) => `${k}: 'v${i}'`).join(', ')} }`);
    loopHeader = kind === 'items' ? `for (item, i) in items(${map})` : `for (key, i) in objectKeys(${map})`;
    name = kind === 'items' ? `'\${${prefix}}\${item.value}${symbol}'` : `toLower('\${${prefix}}\${key}${symbol}')`;
  } else {
    name = registryNameExpression(b, prefix, symbol);
  }
  const body = [`  name: ${name}`, `  location: ${location}`, "  sku: { name: 'Basic' }"];
  // A filtered loop: only the even instances are deployed.
  const filter = loopHeader && condition === '' && r.chance(0.25) ? 'if (i % 2 == 0) ' : condition;
  const open = loopHeader ? `[${loopHeader}: ${filter}{` : `${condition}{`;
  b.block([`resource ${symbol} ${REGISTRY} = ${open}`, ...body, loopHeader ? '}]' : '}'].join('\n'));
  const scope = loopHeader ? `${symbol}[i]` : symbol;
  for (let s = r.weighted([[2, 0], [5, 1], [2, 2]] as const); s > 0; s -= 1) {
    if (r.chance(0.25)) b.block(settingModuleCall(b, scope, loopHeader));
    else b.block(settingBlock(b, scope, loopHeader));
  }
}

/** A module that attaches a setting to the registry through an `existing` reference. */
function settingModuleCall(b: ProgramBuilder, scope: string, loopHeader: string | undefined): string {
  b.files['modules/setting.bicep'] = SETTING_MODULE;
  const symbol = b.fresh('diagnostics');
  const logs = logsArray(b, '    ');
  const workspace = b.random.chance(0.85) ? [`    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'`] : [];
  const name = loopHeader ? `'${symbol}-\${i}'` : `'${symbol}'`;
  const body = [
    `  name: ${name}`,
    '  params: {',
    `    registryName: ${scope}.name`, // `reg.name`, `reg[i].name` or a module's `outputs.name`
    `    settingName: 'via-${symbol}'`,
    `    logs: ${logs}`,
    ...workspace,
    '  }',
  ];
  const open = loopHeader ? `[${loopHeader}: {` : '{';
  return [`module ${symbol} 'modules/setting.bicep' = ${open}`, ...body, loopHeader ? '}]' : '}'].join('\n');
}

/** A registry deployed by a module, with its setting switched on or off by the caller. */
function registryModuleCall(b: ProgramBuilder, prefix: string): void {
  b.files['modules/registry.bicep'] = REGISTRY_MODULE;
  const r = b.random;
  const symbol = b.fresh('registryModule');
  const condition = r.chance(0.2) ? `if (${boolExpression(b, 0.6)}) ` : '';
  const audit = r.chance(0.3) ? [] : [`    auditLogs: ${boolExpression(b, 0.6)}`];
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
    `    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'`,
    '  }',
  ];
  const open = loopHeader ? `[${loopHeader}: ${condition}{` : `${condition}{`;
  b.block([`module ${symbol} 'modules/registry.bicep' = ${open}`, ...body, loopHeader ? '}]' : '}'].join('\n'));
  // A setting attached from another module, to the registry the first module's output names.
  if (shape === 'plain' && condition === '' && r.chance(0.4)) b.block(settingModuleCall(b, `${symbol}.outputs`, undefined));
}

/** The AVM-style module, called with or without settings, with `options.?x` that may be null. */
function avmModuleCall(b: ProgramBuilder, prefix: string): void {
  b.files['modules/avm-registry.bicep'] = AVM_REGISTRY_MODULE;
  const r = b.random;
  const symbol = b.fresh('avm');
  const options = b.param('options', 'object', r.pick(['{}', '{ exportLogs: false }', '{ exportLogs: true }']));
  const setting = () => {
    const fields = [
      ...(r.chance(0.5) ? [`name: '${b.fresh('custom')}'`] : []),
      ...(r.chance(0.8) ? ["workspaceResourceId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'"] : []),
      ...(r.chance(0.2) ? ["storageAccountResourceId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/auditlogs'"] : []),
      ...(r.chance(0.5)
        ? [`logCategoriesAndGroups: [${LOG_ENTRIES.filter(() => r.chance(0.4)).map((e) => `{ ${e}${r.chance(0.3) ? `, enabled: ${r.chance(0.5)}` : ''} }`).join(', ')}]`]
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
      `module ${symbol} 'modules/avm-registry.bicep' = {`,
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

/** A setting on a registry that this deployment does not create. */
function existingRegistryBlock(b: ProgramBuilder, prefix: string): void {
  const symbol = b.fresh('shared');
  b.block([`resource ${symbol} ${REGISTRY} existing = {`, `  name: '\${${prefix}}${symbol}'`, '}'].join('\n'));
  b.block(settingBlock(b, symbol, undefined));
}

/** The program for one (seed, index): the same inputs give the same files on every machine. */
export function generateProgram(seed: number, index: number): OracleProgram {
  const b = new ProgramBuilder(Random.forCase(seed, 'oracle', index));
  const prefix = b.param('prefix', 'string', `'p${index}'`);
  const location = b.random.chance(0.5) ? 'resourceGroup().location' : b.param('location', 'string', undefined, 'resourceGroup().location');
  const blocks = b.random.int(1, 3);
  for (let k = 0; k < blocks; k += 1) {
    b.random.weighted([
      [6, () => registryBlock(b, prefix, location)],
      [2, () => registryModuleCall(b, prefix)],
      [2, () => avmModuleCall(b, prefix)],
      [1, () => existingRegistryBlock(b, prefix)],
    ] as const)();
  }
  return { seed, index, files: b.build() };
}
