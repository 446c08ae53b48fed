import fs from 'node:fs';
import path from 'node:path';
import { ConfigResolver } from '../../src/config/load-config';
import { directiveBefore, suppressionBy, unknownNames } from '../../src/locate/suppressions';
import { findRule } from '../../src/rules/index';
import { positionOf } from '../helpers/fixture-position';
import { runInProcess } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';
import { realBicep } from '../helpers/real-bicep';

const rule = findRule('Azure.ACR.Logs')!;
const FIXTURES = path.resolve(__dirname, '..', '..', 'bicep-fixtures', 'suppressions');

describe('directiveBefore, suppressionBy, unknownNames', () => {
  const lines = [
    '#disable-next-line AZR-000535',
    '#disable-next-line no-unused-params AZR-000535 // set by Azure Policy',
    '  // bicep-audit-disable-next-line Azure.ACR.AuditLogs,azr-000535 -- set by Azure Policy -- see the wiki',
    '// bicep-audit-disable-next-line Azure.ACR.Logs',
    '// bicep-audit-disable-next-line Azure.ACR.Logs --',
    '// bicep-audit-disable-next-line Azure.ACR.Log --reason',
    '// #disable-next-line AZR-000535',
    '/* bicep-audit-disable-next-line Azure.ACR.Logs */',
    '#disable-next-line no-unused-params',
    '',
  ];
  const tree = makeTree({ 'main.bicep': lines.join('\r\n'), 'template.json': '// bicep-audit-disable-next-line Azure.ACR.Logs\n{}\n' });
  /** What the directive above a finding on `line` (0-based) says: its form, names with their columns, its justification. */
  const above = (line: number, file = 'main.bicep') => {
    const full = path.join(tree, file);
    const directive = directiveBefore({ file: full, range: { start: { line, character: 4 }, end: { line, character: 9 } } });
    return directive && {
      form: directive.form,
      names: directive.names.map((n) => {
        expect(n.location.file).toBe(full);
        expect(n.location.range.start.line).toBe(line - 1);
        return [n.text, n.location.range.start.character, n.location.range.end.character];
      }),
      justification: directive.justification,
      suppression: suppressionBy(directive, rule),
      unknown: unknownNames(directive).map((n) => n.text),
    };
  };

  it("Bicep's own directive naming an alias suppresses without a justification", () => {
    expect(above(1)).toStrictEqual({
      form: 'bicep',
      names: [['AZR-000535', 19, 29]],
      justification: undefined,
      suppression: { kind: 'inSource' },
      unknown: [],
    });
  });

  it("Bicep's own directive among other codes takes a trailing // comment as the justification, and its other codes are not reported", () => {
    expect(above(2)).toStrictEqual({
      form: 'bicep',
      names: [
        ['no-unused-params', 19, 35],
        ['AZR-000535', 36, 46],
      ],
      justification: 'set by Azure Policy',
      suppression: { kind: 'inSource', justification: 'set by Azure Policy' },
      unknown: [],
    });
  });

  it('the bicep-audit comment takes names separated by commas, in any letter case, and the text after the first -- as the justification', () => {
    expect(above(3)).toStrictEqual({
      form: 'own',
      names: [
        ['Azure.ACR.AuditLogs', 35, 54],
        ['azr-000535', 55, 65],
      ],
      justification: 'set by Azure Policy -- see the wiki',
      suppression: { kind: 'inSource', justification: 'set by Azure Policy -- see the wiki' },
      unknown: [],
    });
  });

  it.each([
    ['without a reason', 4],
    ['with -- and no reason after it', 5],
  ])('the bicep-audit comment %s still suppresses, without a justification', (_name, line) => {
    expect(above(line)).toStrictEqual({
      form: 'own',
      names: [['Azure.ACR.Logs', 33, 47]],
      justification: undefined,
      suppression: { kind: 'inSource' },
      unknown: [],
    });
  });

  it('a name that is no rule suppresses nothing and is reported; -- needs a space after it', () => {
    expect(above(6)).toStrictEqual({
      form: 'own',
      names: [
        ['Azure.ACR.Log', 33, 46],
        ['--reason', 47, 55],
      ],
      justification: undefined,
      suppression: undefined,
      unknown: ['Azure.ACR.Log', '--reason'],
    });
  });

  it('a code for another rule does not suppress', () => {
    expect(above(9)).toStrictEqual({ form: 'bicep', names: [['no-unused-params', 19, 35]], justification: undefined, suppression: undefined, unknown: [] });
  });

  it.each([
    ["Bicep's directive commented out", 7],
    ['a block comment', 8],
    ['an empty line', 10],
    ['the first line, which has no line before', 0],
  ])('there is no directive above a finding after %s', (_name, line) => {
    expect(above(line)).toBeUndefined();
  });

  it('an ARM template has no directives (bicep-audit.json suppresses there)', () => {
    expect(above(1, 'template.json')).toBeUndefined();
  });
});

interface JsonResult {
  ruleId: string;
  level: string;
  message: string;
  location: { file: string; line: number; column: number };
  suppression: { kind: string; justification: string | null } | null;
}

/** Every registry here lacks a lock: that note is test/rules/control-plane.test.ts's; these tests are about suppressing the others. */
const withoutLocks = (results: JsonResult[]) => results.filter((r) => r.ruleId !== 'Azure.ACR.DeleteLock');

/** Audits fixtures with the real Bicep CLI, through main() as the CLI runs, in JSON. */
async function audit(...files: string[]) {
  const home = makeTree({});
  const result = await runInProcess({
    argv: [...files.map((f) => path.join(FIXTURES, f)), '--format', 'json', '--no-cache'],
    cwd: FIXTURES,
    env: { PATH: process.env.PATH, BICEP_PATH: realBicep() },
    homeDir: home,
  });
  expect(result.stderr).toBe('');
  const results = withoutLocks((JSON.parse(result.stdout) as { results: JsonResult[] }).results);
  return {
    code: result.code,
    results: results.map((r) => ({ ruleId: r.ruleId, level: r.level, at: `${path.basename(r.location.file)}:${r.location.line}:${r.location.column}`, suppression: r.suppression })),
    messages: results.map((r) => r.message),
  };
}

/** `file:line:column` of a snippet of a fixture. */
const at = (file: string, snippet: string) => {
  const { line, column } = positionOf(path.join(FIXTURES, file), snippet);
  return `${file}:${line}:${column}`;
};

const LOGS = 'Azure.ACR.Logs';

describe('suppressing in Bicep sources (real Bicep CLI)', () => {
  it('each form of the directive on the line before suppresses, with its reason as the justification; only suppressed findings exit 0', async () => {
    const run = await audit('in-source.bicep');
    expect(run.results).toStrictEqual([
      { ruleId: LOGS, level: 'error', at: at('in-source.bicep', 'resource bicepAlias '), suppression: { kind: 'inSource', justification: null } },
      {
        ruleId: LOGS,
        level: 'error',
        at: at('in-source.bicep', 'resource bicepAliasWithComment '),
        suppression: { kind: 'inSource', justification: "exported by the platform team's Azure Policy" },
      },
      {
        ruleId: LOGS,
        level: 'error',
        at: at('in-source.bicep', 'resource ruleId '),
        suppression: { kind: 'inSource', justification: 'audit logs come from Azure Policy (DeployIfNotExists)' },
      },
      { ruleId: LOGS, level: 'error', at: at('in-source.bicep', 'resource aliasesWithoutReason '), suppression: { kind: 'inSource', justification: null } },
    ]);
    expect(run.code).toBe(0);
  }, 60_000);

  it('names in a bicep-audit comment that are no rule are reported once at each name, with the closest rule, and suppress nothing', async () => {
    const run = await audit('unknown-name.bicep');
    expect(run.results).toStrictEqual([
      { ruleId: LOGS, level: 'error', at: at('unknown-name.bicep', 'resource typo '), suppression: null },
      { ruleId: LOGS, level: 'error', at: at('unknown-name.bicep', 'resource typo '), suppression: null },
      { ruleId: 'suppression-directive', level: 'warning', at: at('unknown-name.bicep', 'Azure.ACR.Log,'), suppression: null },
      { ruleId: 'suppression-directive', level: 'warning', at: at('unknown-name.bicep', 'AZR-000536'), suppression: null },
    ]);
    expect(run.messages.slice(2)).toStrictEqual([
      "bicep-audit-disable-next-line names 'Azure.ACR.Log', which is not a rule id or alias, so it suppresses nothing; did you mean 'Azure.ACR.Logs'?",
      "bicep-audit-disable-next-line names 'AZR-000536', which is not a rule id or alias, so it suppresses nothing; did you mean 'AZR-000535'?",
    ]);
    expect(run.code).toBe(1);
  }, 60_000);

  it('a directive before an array item applies to that item: the finding lands on the item, not on a directive above it', async () => {
    const run = await audit('array-items.bicep');
    const disabled = "{ category: 'ContainerRegistryRepositoryEvents', enabled: false }";
    const enabledAt = (occurrence: number) => {
      const { line, column } = positionOf(path.join(FIXTURES, 'array-items.bicep'), disabled, occurrence);
      return `array-items.bicep:${line}:${column + disabled.indexOf('enabled')}`;
    };
    expect(run.results).toStrictEqual([
      { ruleId: LOGS, level: 'error', at: enabledAt(1), suppression: { kind: 'inSource', justification: null } },
      { ruleId: LOGS, level: 'error', at: enabledAt(2), suppression: { kind: 'inSource', justification: 'repository events reach the SIEM through Event Grid' } },
      { ruleId: LOGS, level: 'error', at: enabledAt(3), suppression: null },
    ]);
    expect(run.code).toBe(1);
  }, 60_000);
});

describe('a directive before a log entry means the same in both forms (real Bicep CLI)', () => {
  const REASON = 'repository events reach the SIEM through Event Grid';
  /** `file:line:column` of the `enabled: false` of the nth entry that disables repository events. */
  const disabledAt = (file: string, snippet: string, occurrence: number) => {
    const { line, column } = positionOf(path.join(FIXTURES, file), snippet, occurrence);
    return `${file}:${line}:${column + snippet.indexOf('enabled')}`;
  };

  it('before an entry written over several lines, it applies to the finding on that entry; before another entry, it does not', async () => {
    const run = await audit('item-spanning-lines.bicep');
    const at = (n: number) => disabledAt('item-spanning-lines.bicep', 'enabled: false', n);
    expect(run.results).toStrictEqual([
      { ruleId: LOGS, level: 'error', at: at(1), suppression: { kind: 'inSource', justification: REASON } },
      { ruleId: LOGS, level: 'error', at: at(2), suppression: { kind: 'inSource', justification: REASON } },
      { ruleId: LOGS, level: 'error', at: at(3), suppression: null },
    ]);
    expect(run.code).toBe(1);
  }, 60_000);

  it('in a file the source grammar cannot parse, the finding stays on the entry and the directive before it applies', async () => {
    const run = await audit('item-in-grammar-gap.bicep');
    const at = (n: number) => disabledAt('item-in-grammar-gap.bicep', "{ category: 'ContainerRegistryRepositoryEvents', enabled: false }", n);
    expect(run.results).toStrictEqual([
      { ruleId: LOGS, level: 'error', at: at(1), suppression: { kind: 'inSource', justification: null } },
      { ruleId: LOGS, level: 'error', at: at(2), suppression: { kind: 'inSource', justification: null } },
      { ruleId: LOGS, level: 'error', at: at(3), suppression: null },
    ]);
    expect(run.code).toBe(1);
  }, 60_000);
});

describe('the suppression examples of README.md and docs/rules/Azure.ACR.Logs.md', () => {
  const ROOT = path.resolve(__dirname, '..', '..');
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const ruleDocs = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'Azure.ACR.Logs.md'), 'utf8');
  /** The text from a heading to the next heading of the same or a higher level. */
  const section = (text: string, heading: string) => {
    const start = text.indexOf(`${heading}\n`);
    expect(start).toBeGreaterThanOrEqual(0);
    const level = heading.split(' ')[0]!;
    const rest = text.slice(start + heading.length);
    const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
    return end < 0 ? rest : rest.slice(0, end);
  };
  const blocks = (text: string, language: string) => [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
  const bicepExamples = [
    ...blocks(section(readme, '### Suppressing findings'), 'bicep'),
    ...blocks(section(ruleDocs, '## How to suppress'), 'bicep'),
  ];

  it('compile without diagnostics, and each suppresses its one finding in source, with a reason (real Bicep CLI)', async () => {
    expect(bicepExamples).toHaveLength(5);
    const names = bicepExamples.map((_, i) => `example-${i + 1}.bicep`);
    const tree = makeTree(Object.fromEntries(names.map((name, i) => [name, bicepExamples[i]!])));
    const result = await runInProcess({ argv: [...names, '--format', 'json', '--no-cache'], cwd: tree, env: { PATH: process.env.PATH, BICEP_PATH: realBicep() }, homeDir: tree });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const results = withoutLocks((JSON.parse(result.stdout) as { results: JsonResult[] }).results);
    expect(results.map((r) => [path.basename(r.location.file), r.ruleId, r.suppression?.kind, typeof r.suppression?.justification])).toEqual(
      names.map((name) => [name, LOGS, 'inSource', 'string']),
    );
  }, 60_000);

  it.each([
    ['README.md', readme],
    ['docs/rules/Azure.ACR.Logs.md', ruleDocs],
  ])('every bicep-audit.json shown in %s is a valid config', (_file, text) => {
    const configs = blocks(text, 'jsonc');
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs) {
      const tree = makeTree({ 'bicep-audit.json': config });
      expect(new ConfigResolver({ cwd: tree }).configFor(path.join(tree, 'main.bicep')).file).toBe(path.join(tree, 'bicep-audit.json'));
    }
  });
});
