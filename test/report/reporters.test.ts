import path from 'node:path';
import { analyzeArmTemplate } from '../../src/analyze/arm-input';
import { formatGithub } from '../../src/report/github';
import { formatJson } from '../../src/report/json';
import type { ReportContext } from '../../src/report/report-context';
import { formatSarif } from '../../src/report/sarif';
import { formatStylish } from '../../src/report/stylish';
import { reportedRules, ruleDocs } from '../../src/rules/docs';
import type { InputResult } from '../../src/rules/finding';
import { RULES } from '../../src/rules/index';
import { ARM_FIXTURES } from '../helpers/expand-fixture';
import { positionOf } from '../helpers/fixture-position';

const context: ReportContext = { cwd: ARM_FIXTURES, toolVersion: '9.9.9', rules: reportedRules(RULES) };
const TYPO = path.join(ARM_FIXTURES, 'typo.json');
const CONDITION = path.join(ARM_FIXTURES, 'condition.json');
const TYPO_MESSAGE =
  "registry 'acrtypo' does not export ContainerRegistryRepositoryEvents ('ContainerRegistryRepositoryEvent' is not a container registry log category; did you mean 'ContainerRegistryRepositoryEvents'?); enable it or the 'audit' category group";
const REVIEW_MESSAGE =
  "whether registry 'acrcond' exports ContainerRegistryLoginEvents is decided at deployment by parameter 'exportLogins' (declared at condition.json:7:5), which has no value; settle it in the template or check it before deploying";

let results: InputResult[];

beforeAll(async () => {
  results = [await analyzeArmTemplate(TYPO, new Map()), await analyzeArmTemplate(CONDITION, new Map([['enableAudit', true]]))];
  // The review result is suppressed here to show how reports carry suppressions.
  results[1]!.findings[0]!.suppression = { kind: 'inSource' };
});

const typoAt = positionOf(TYPO, '"ContainerRegistryRepositoryEvent"');
const reviewAt = positionOf(CONDITION, '{ "category": "ContainerRegistryLoginEvents"');

describe('reporters', () => {
  it('stylish groups by file, marks reviews and suppressions, and counts', () => {
    expect(formatStylish(results, context)).toBe(
      'typo.json\n' +
        `  ${typoAt.line}:${typoAt.column}  error  ${TYPO_MESSAGE}  Azure.ACR.Logs\n\n` +
        'condition.json\n' +
        `  ${reviewAt.line}:${reviewAt.column}  warning (review)  ${REVIEW_MESSAGE}  Azure.ACR.Logs  [suppressed]\n\n` +
        '✖ 1 problem (1 error, 0 warnings, 0 notes), 1 suppressed in 2 inputs\n',
    );
  });

  it('github writes one annotation per unsuppressed finding', () => {
    expect(formatGithub(results, context)).toBe(
      `::error file=typo.json,line=${typoAt.line},col=${typoAt.column},endLine=${typoAt.line},endColumn=${typoAt.column + 34},title=Azure.ACR.Logs::${TYPO_MESSAGE}\n`,
    );
  });

  it('json gives 1-based positions, the instance and the suppression flag', () => {
    const [typo] = JSON.parse(formatJson(results, context)) as { findings: unknown[] }[];
    expect(typo!.findings[0]).toEqual({
      ruleId: 'Azure.ACR.Logs',
      level: 'error',
      kind: 'fail',
      message: TYPO_MESSAGE,
      file: TYPO,
      line: typoAt.line,
      column: typoAt.column,
      endLine: typoAt.line,
      endColumn: typoAt.column + 34,
      relatedLocations: [
        { message: "registry 'acrtypo'", file: TYPO, ...positionOf(TYPO, '"registry": {'), endLine: 12, endColumn: 6 },
        { message: "diagnostic setting 'audit'", file: TYPO, ...positionOf(TYPO, '"audit": {'), endLine: 26, endColumn: 6 },
      ],
      instance: {
        type: 'Microsoft.ContainerRegistry/registries',
        name: 'acrtypo',
        id: '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.ContainerRegistry/registries/acrtypo',
        symbolicName: 'registry',
        deploymentChain: [],
      },
      suppressed: false,
    });
  });

  it('sarif carries kind, level, regions, related locations, suppressions and rule help', () => {
    const log = JSON.parse(formatSarif(results, context));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('bicep-audit');
    expect(run.tool.driver.version).toBe('9.9.9');
    expect(run.tool.driver.rules).toEqual([
      {
        id: 'Azure.ACR.Logs',
        shortDescription: { text: RULES[0]!.meta.description },
        help: { text: ruleDocs(RULES[0]!), markdown: ruleDocs(RULES[0]!) },
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['security', 'Azure Well-Architected SE:10', 'MCSB LT-4', 'severity Important'], aliases: ['Azure.ACR.AuditLogs', 'AZR-000535'] },
      },
    ]);
    expect(run.results.map((r: { kind: string; level: string; suppressions?: unknown }) => [r.kind, r.level, r.suppressions])).toEqual([
      ['fail', 'error', undefined],
      ['review', 'warning', [{ kind: 'inSource' }]],
    ]);
    expect(run.results[0].locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'typo.json' },
          region: { startLine: typoAt.line, startColumn: typoAt.column, endLine: typoAt.line, endColumn: typoAt.column + 34 },
        },
      },
    ]);
    expect(run.results[0].relatedLocations.map((r: { id: number; message: { text: string } }) => [r.id, r.message.text])).toEqual([
      [0, "registry 'acrtypo'"],
      [1, "diagnostic setting 'audit'"],
    ]);
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });
});
