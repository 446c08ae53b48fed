import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, ConfigError, ConfigResolver, type Config } from '../../src/config/load-config';
import type { Finding } from '../../src/rules/finding';
import { makeTree } from '../helpers/temp-tree';

const DEFAULTS: Config = { rules: new Map(), declaredRules: [], auditLogs: [], exclude: [], parameters: new Map(), deployment: {}, suppressions: [], fix: { categoryGroup: false } };

/** The message of the ConfigError the action throws. */
function configError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** The config discovered for `main.bicep` next to a bicep-audit.json holding `text`. */
function configOf(text: string): Config {
  const tree = makeTree({ [CONFIG_FILE]: text });
  return new ConfigResolver({ cwd: tree }).configFor(path.join(tree, 'main.bicep'));
}

/** The error for a bicep-audit.json holding `text`, with its path written as FILE. */
function errorOf(text: string): string {
  const tree = makeTree({ [CONFIG_FILE]: text });
  const message = configError(() => new ConfigResolver({ cwd: tree }).configFor(path.join(tree, 'main.bicep')));
  return message.split(path.join(tree, CONFIG_FILE)).join('FILE');
}

describe('ConfigResolver: discovery', () => {
  it('finds bicep-audit.json in a parent folder, up to the repository root', () => {
    const tree = makeTree({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/bicep-audit.json': '{ "rules": { "Azure.ACR.Logs": "warning" } }',
      'repo/infra/app/main.bicep': '',
    });
    const resolver = new ConfigResolver({ cwd: tree });
    const config = resolver.configFor(path.join(tree, 'repo/infra/app/main.bicep'));
    expect(config).toStrictEqual({
      file: path.join(tree, 'repo', CONFIG_FILE),
      rules: new Map([['Azure.ACR.Logs', 'warning']]),
      declaredRules: [],
      auditLogs: [],
      exclude: [],
      parameters: new Map(),
      deployment: {},
      suppressions: [],
      fix: { categoryGroup: false },
    });
    expect(resolver.configFor('repo/infra/app/main.bicep')).toBe(config);
  });

  it('does not look above the repository root (a .git folder)', () => {
    const tree = makeTree({
      'bicep-audit.json': '{ "rules": { "Azure.ACR.Logs": "off" } }',
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/infra/main.bicep': '',
    });
    expect(new ConfigResolver({ cwd: tree }).configFor(path.join(tree, 'repo/infra/main.bicep'))).toStrictEqual(DEFAULTS);
  });

  it('does not look above the repository root (a .git file, as in a worktree or submodule)', () => {
    const tree = makeTree({
      'bicep-audit.json': '{ "rules": { "Azure.ACR.Logs": "off" } }',
      'repo/.git': 'gitdir: ../.git/worktrees/repo\n',
      'repo/main.bicep': '',
    });
    expect(new ConfigResolver({ cwd: tree }).configFor(path.join(tree, 'repo/main.bicep'))).toStrictEqual(DEFAULTS);
  });

  it('without a repository, looks up towards the filesystem root', () => {
    const tree = makeTree({ 'bicep-audit.json': '{ "exclude": ["legacy/*.bicep"] }', 'a/b/main.bicep': '' });
    expect(new ConfigResolver({ cwd: tree }).configFor(path.join(tree, 'a/b/main.bicep'))).toStrictEqual({
      file: path.join(tree, CONFIG_FILE),
      rules: new Map(),
      declaredRules: [],
      auditLogs: [],
      exclude: ['legacy/*.bicep'],
      parameters: new Map(),
      deployment: {},
      suppressions: [],
      fix: { categoryGroup: false },
    });
  });

  it('the nearest config wins whole, without merging', () => {
    const tree = makeTree({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/bicep-audit.json': '{ "rules": { "Azure.ACR.Logs": "note" }, "parameters": { "location": "westeurope" } }',
      'repo/sub/bicep-audit.json': '{ "exclude": ["legacy/*.bicep"] }',
    });
    const resolver = new ConfigResolver({ cwd: tree });
    expect(resolver.configFor(path.join(tree, 'repo/sub/main.bicep'))).toStrictEqual({
      file: path.join(tree, 'repo/sub', CONFIG_FILE),
      rules: new Map(),
      declaredRules: [],
      auditLogs: [],
      exclude: ['legacy/*.bicep'],
      parameters: new Map(),
      deployment: {},
      suppressions: [],
      fix: { categoryGroup: false },
    });
    expect(resolver.configFor(path.join(tree, 'repo/other/main.bicep'))).toStrictEqual({
      file: path.join(tree, 'repo', CONFIG_FILE),
      rules: new Map([['Azure.ACR.Logs', 'note']]),
      declaredRules: [],
      auditLogs: [],
      exclude: [],
      parameters: new Map([['location', 'westeurope']]),
      deployment: {},
      suppressions: [],
      fix: { categoryGroup: false },
    });
  });

  it('an explicit config (--config, relative to cwd) applies to every input instead of discovery', () => {
    const tree = makeTree({
      'settings/audit.json': '{ "rules": { "Azure.ACR.Logs": "off" } }',
      'a/bicep-audit.json': '{ "rules": { "Azure.ACR.Logs": "note" } }',
    });
    const resolver = new ConfigResolver({ explicit: 'settings/audit.json', cwd: tree });
    const expected = {
      file: path.join(tree, 'settings/audit.json'),
      rules: new Map([['Azure.ACR.Logs', 'off']]),
      declaredRules: [],
      auditLogs: [],
      exclude: [],
      parameters: new Map(),
      deployment: {},
      suppressions: [],
      fix: { categoryGroup: false },
    };
    expect(resolver.configFor(path.join(tree, 'a/main.bicep'))).toStrictEqual(expected);
    expect(resolver.configFor(path.join(tree, 'b/c/main.bicep'))).toStrictEqual(expected);
  });

  it('reads each config once per run', () => {
    const tree = makeTree({ 'repo/.git/HEAD': '', 'repo/bicep-audit.json': '{ "rules": { "Azure.ACR.Logs": "note" } }' });
    const resolver = new ConfigResolver({ cwd: tree });
    const first = resolver.configFor(path.join(tree, 'repo/a/main.bicep'));
    fs.writeFileSync(path.join(tree, 'repo', CONFIG_FILE), 'not JSON');
    expect(resolver.configFor(path.join(tree, 'repo/a/other.bicep'))).toBe(first);
    expect(resolver.configFor(path.join(tree, 'repo/b/main.bicep'))).toBe(first);
  });
});

describe('ConfigResolver: reading', () => {
  it('accepts comments and trailing commas', () => {
    const text = [
      '// Audit settings',
      '{',
      '  /* levels */',
      '  "rules": {',
      '    "Azure.ACR.Logs": "note", // quieter for now',
      '  },',
      '  "exclude": ["legacy/*.bicep",],',
      '}',
    ].join('\n');
    expect(configOf(text)).toMatchObject({ rules: new Map([['Azure.ACR.Logs', 'note']]), exclude: ['legacy/*.bicep'] });
  });

  it.each(['Azure.ACR.AuditLogs', 'AZR-000535'])('resolves the alias %s to the rule id Azure.ACR.Logs', (alias) => {
    expect(configOf(`{ "rules": { "${alias}": "off" } }`).rules).toStrictEqual(new Map([['Azure.ACR.Logs', 'off']]));
  });

  it('a rule set to null is not set', () => {
    expect(configOf('{ "rules": { "Azure.ACR.Logs": null } }').rules).toStrictEqual(new Map());
  });

  it('reads parameters with their JSON values', () => {
    const text = '{ "parameters": { "location": "westeurope", "count": 3, "enabled": true, "zones": [1, 2], "tags": { "env": "prod" }, "owner": null } }';
    // jsonc-parser makes objects without a prototype, which toStrictEqual tells apart from literals.
    expect(configOf(text).parameters).toEqual(
      new Map<string, unknown>([
        ['location', 'westeurope'],
        ['count', 3],
        ['enabled', true],
        ['zones', [1, 2]],
        ['tags', { env: 'prod' }],
        ['owner', null],
      ]),
    );
  });
});

describe('ConfigResolver: exclude', () => {
  const tree = makeTree({
    'repo/.git/HEAD': '',
    'repo/infra/bicep-audit.json': '{ "exclude": ["**/generated/**", "legacy/*.bicep"] }',
    'repo/ci/audit.json': '{ "exclude": ["legacy/*.bicep"] }',
  });

  it.each([
    ['infra/generated/app.bicep', true],
    ['infra/modules/generated/app.bicep', true],
    ['infra/.cache/generated/app.bicep', true],
    ['infra/legacy/old.bicep', true],
    ['infra/legacy/v1/old.bicep', false],
    ['infra/modules/legacy/old.bicep', false],
    ['infra/main.bicep', false],
    ['main.bicep', false],
  ])('matches globs relative to the config folder: %s → %s', (file, excluded) => {
    const resolver = new ConfigResolver({ cwd: path.join(tree, 'repo') });
    expect(resolver.isExcluded(file)).toBe(excluded);
    expect(resolver.isExcluded(path.join(tree, 'repo', file))).toBe(excluded);
  });

  it('with an explicit config, globs are relative to its folder', () => {
    const resolver = new ConfigResolver({ explicit: 'ci/audit.json', cwd: path.join(tree, 'repo') });
    expect(resolver.isExcluded('ci/legacy/old.bicep')).toBe(true);
    expect(resolver.isExcluded('legacy/old.bicep')).toBe(false);
  });
});

describe('ConfigResolver: suppressions', () => {
  const text = JSON.stringify({
    suppressions: [
      { rules: ['AZR-000535', 'Azure.ACR.AuditLogs'], names: ['acrscratch*', 'acrprod/*', 'teamacr*'], reason: 'not production' },
      { rules: ['Azure.ACR.Logs'], names: ['*'], reason: 'never reached: the first entry that matches gives the reason' },
    ],
  });
  const tree = makeTree({ [CONFIG_FILE]: text, 'other/bicep-audit.json': '{}' });
  const resolver = new ConfigResolver({ cwd: tree });

  /** A finding of `ruleId` about an instance with this name, as reports write it. */
  const findingAbout = (name: string, ruleId = 'Azure.ACR.Logs'): Finding => ({
    ruleId,
    level: 'error',
    kind: 'fail',
    message: 'm',
    location: { file: path.join(tree, 'main.bicep'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    relatedLocations: [],
    instance: { type: 'Microsoft.ContainerRegistry/registries', name, id: name, symbolicName: 'r', deploymentChain: [] },
  });

  it('reads each entry with its rules as canonical ids, once each', () => {
    expect(configOf(text).suppressions).toStrictEqual([
      { rules: ['Azure.ACR.Logs'], names: ['acrscratch*', 'acrprod/*', 'teamacr*'], reason: 'not production' },
      { rules: ['Azure.ACR.Logs'], names: ['*'], reason: 'never reached: the first entry that matches gives the reason' },
    ]);
  });

  it.each([
    ['a name the glob matches', 'acrscratchdev'],
    ['in another letter case, as Azure compares names', 'ACRScratchDev'],
    ["a child resource's parent/child name", 'acrprod/replica'],
    ["a part known only at deployment, whose expression holds '/'", "teamacr{uniqueString(concat('/subscriptions/', subscription().subscriptionId))}"],
  ])('suppresses, as external with the first matching entry\'s reason: %s', (_name, name) => {
    expect(resolver.suppressionFor(path.join(tree, 'main.bicep'), findingAbout(name))).toStrictEqual({ kind: 'external', justification: 'not production' });
  });

  it('the next entry applies where the first does not match', () => {
    expect(resolver.suppressionFor(path.join(tree, 'main.bicep'), findingAbout('acrprod'))).toStrictEqual({
      kind: 'external',
      justification: 'never reached: the first entry that matches gives the reason',
    });
  });

  it('does not suppress a finding of another id, one without an instance, or under another config', () => {
    expect(resolver.suppressionFor(path.join(tree, 'main.bicep'), findingAbout('acrscratchdev', 'template-evaluation'))).toBeUndefined();
    const { instance: _none, ...withoutInstance } = findingAbout('acrscratchdev');
    expect(resolver.suppressionFor(path.join(tree, 'main.bicep'), withoutInstance)).toBeUndefined();
    expect(resolver.suppressionFor(path.join(tree, 'other/main.bicep'), findingAbout('acrscratchdev'))).toBeUndefined();
  });
});

describe('ConfigResolver: errors name the file, line, column and JSON path', () => {
  it('a level that is not error, warning, note or off', () => {
    const text = ['{', '  "rules": {', '    "Azure.ACR.Logs": "fatal"', '  }', '}'].join('\n');
    expect(errorOf(text)).toBe('FILE:3:23: /rules/Azure.ACR.Logs must be one of "error", "warning", "note", "off"');
  });

  it('"warn", as other linters spell it: the error lists the levels it takes', () => {
    const text = ['{', '  "rules": { "Azure.ACR.Logs": "warn" }', '}'].join('\n');
    expect(errorOf(text)).toBe('FILE:2:32: /rules/Azure.ACR.Logs must be one of "error", "warning", "note", "off"');
  });

  it('an unknown property', () => {
    const text = ['{', '  "rules": {},', '  "excludes": ["legacy/*.bicep"]', '}'].join('\n');
    expect(errorOf(text)).toBe("FILE:3:15: the document has an unexpected property 'excludes'");
  });

  it('several schema problems, one line each in the order of the file', () => {
    const text = ['{', '  "rules": { "Azure.ACR.Logs": "fatal" },', '  "exclude": "legacy/*.bicep",', '  "parameters": []', '}'].join('\n');
    expect(errorOf(text)).toBe(
      [
        'FILE:2:32: /rules/Azure.ACR.Logs must be one of "error", "warning", "note", "off"',
        'FILE:3:14: /exclude must be array',
        'FILE:4:17: /parameters must be object',
      ].join('\n'),
    );
  });

  it('an unknown rule, at its name, with a suggestion', () => {
    const text = ['{', '  "rules": { "Azure.ACR.Log": "off" }', '}'].join('\n');
    expect(errorOf(text)).toBe("FILE:2:14: /rules/Azure.ACR.Log is not a rule id or alias; did you mean 'Azure.ACR.Logs'?");
  });

  it('an unknown rule with no name close to it', () => {
    expect(errorOf('{ "rules": { "NoSuchThing": "off" } }')).toBe(
      'FILE:1:14: /rules/NoSuchThing is not a rule id or alias; run bicep-audit rules to list them',
    );
  });

  it('invalid JSON, at the syntax error', () => {
    const text = ['{', '  "rules": { "Azure.ACR.Logs": "off" }', '  "exclude": []', '}'].join('\n');
    expect(errorOf(text)).toBe('FILE:3:3: invalid JSON: CommaExpected');
  });

  it('an invalid or empty glob, at its position', () => {
    const text = ['{', '  "exclude": ["**/generated/**", "legacy/[*.bicep", ""]', '}'].join('\n');
    expect(errorOf(text)).toBe(
      [
        'FILE:2:34: /exclude/1 is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters',
        'FILE:2:53: /exclude/2 is not a valid glob: Expected pattern to be a non-empty string',
      ].join('\n'),
    );
  });

  it('a suppression without a reason, at the entry', () => {
    const text = ['{', '  "suppressions": [', '    { "rules": ["Azure.ACR.Logs"], "names": ["acrscratch*"] }', '  ]', '}'].join('\n');
    expect(errorOf(text)).toBe("FILE:3:5: /suppressions/0 must have required property 'reason'");
  });

  it('a suppression with an empty reason or no names, at the value', () => {
    const text = ['{', '  "suppressions": [', '    { "rules": ["Azure.ACR.Logs"], "names": [], "reason": "" }', '  ]', '}'].join('\n');
    expect(errorOf(text)).toBe(
      ['FILE:3:45: /suppressions/0/names must NOT have fewer than 1 items', 'FILE:3:59: /suppressions/0/reason must NOT have fewer than 1 characters'].join('\n'),
    );
  });

  it('an unknown rule or an invalid glob in a suppression, at its position', () => {
    const text = ['{', '  "suppressions": [', '    { "rules": ["AZR-00535"], "names": ["acr[*"], "reason": "scratch" }', '  ]', '}'].join('\n');
    expect(errorOf(text)).toBe(
      [
        "FILE:3:17: /suppressions/0/rules/0 is not a rule id or alias; did you mean 'AZR-000535'?",
        'FILE:3:41: /suppressions/0/names/0 is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters',
      ].join('\n'),
    );
  });

  it('an unreadable explicit config fails when the resolver is made', () => {
    const tree = makeTree({});
    const file = path.join(tree, 'nope.json');
    expect(configError(() => new ConfigResolver({ explicit: 'nope.json', cwd: tree }))).toBe(
      `cannot read the config ${file}: ENOENT: no such file or directory, open '${file}'`,
    );
  });

  it('an invalid explicit config fails when the resolver is made', () => {
    const tree = makeTree({ 'audit.json': '{ "rules": { "Azure.ACR.Logs": "fatal" } }' });
    expect(configError(() => new ConfigResolver({ explicit: 'audit.json', cwd: tree }))).toBe(
      `${path.join(tree, 'audit.json')}:1:32: /rules/Azure.ACR.Logs must be one of "error", "warning", "note", "off"`,
    );
  });
});
