import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { analyzeArmTemplate } from '../../src/analyze/arm-input';
import { colors, colorWanted } from '../../src/report/colors';
import { formatGithub, formatStepSummary } from '../../src/report/github';
import { formatJson } from '../../src/report/json';
import { formatSarif } from '../../src/report/sarif';
import { formatStylish } from '../../src/report/stylish';
import { ruleDocs } from '../../src/rules/docs';
import type { InputResult } from '../../src/rules/finding';
import { RULES } from '../../src/rules/index';
import { ARM_FIXTURES } from '../helpers/expand-fixture';
import { positionOf } from '../helpers/fixture-position';
import { reportContext } from '../helpers/report-context';

const ROOT = path.resolve(__dirname, '..', '..');
const context = reportContext(ARM_FIXTURES, ROOT);
const TYPO = path.join(ARM_FIXTURES, 'typo.json');
const CONDITION = path.join(ARM_FIXTURES, 'condition.json');
const TYPO_MESSAGE =
  "registry 'acrtypo' does not export ContainerRegistryRepositoryEvents ('ContainerRegistryRepositoryEvent' is not a container registry log category; did you mean 'ContainerRegistryRepositoryEvents'?); enable it or the 'audit' category group";
const REVIEW_MESSAGE =
  "whether registry 'acrcond' exports ContainerRegistryLoginEvents is decided at deployment by parameter 'exportLogins' (declared at condition.json:7:5), which has no value; settle it in the template or check it before deploying";

let results: InputResult[];

beforeAll(async () => {
  results = [await analyzeArmTemplate(TYPO, new Map()), await analyzeArmTemplate(CONDITION, new Map([['enableAudit', true]]))];
  // The review result is suppressed here (as bicep-audit.json would) to show how reports carry suppressions.
  results[1]!.findings[0]!.suppression = { kind: 'external', justification: REASON };
});

const REASON = 'the release pipeline sets exportLogins';
/** The results with the review suppressed in the source instead, by a directive without a reason. */
const inSourceWithoutReason = () => [results[0]!, { ...results[1]!, findings: [{ ...results[1]!.findings[0]!, suppression: { kind: 'inSource' as const } }] }];

const typoAt = positionOf(TYPO, '"ContainerRegistryRepositoryEvent"');
const reviewAt = positionOf(CONDITION, '{ "category": "ContainerRegistryLoginEvents"');
const typoLine = fs.readFileSync(TYPO, 'utf8').split('\n')[typoAt.line - 1]!;
const reviewLine = fs.readFileSync(CONDITION, 'utf8').split('\n')[reviewAt.line - 1]!;
const underline = (column: number, width: number) => `${' '.repeat(column - 1)}${'^'.repeat(width)}`;

describe('stylish', () => {
  it('groups by file, shows the line with a caret under the range, marks reviews and suppressions with their reason, and counts', () => {
    expect(formatStylish(results, context)).toBe(
      'typo.json\n' +
        `  ${typoAt.line}:${typoAt.column}  error  ${TYPO_MESSAGE}  Azure.ACR.Logs\n` +
        `    ${typoAt.line} | ${typoLine}\n` +
        `       | ${underline(typoAt.column, 34)}\n\n` +
        'condition.json\n' +
        `  ${reviewAt.line}:${reviewAt.column}  warning (review)  ${REVIEW_MESSAGE}  Azure.ACR.Logs  [suppressed: ${REASON}]\n` +
        `    ${reviewAt.line} | ${reviewLine}\n` +
        `       | ${underline(reviewAt.column, reviewLine.lastIndexOf('}') + 2 - reviewAt.column)}\n\n` +
        '✖ 1 problem (1 error, 0 warnings), 1 suppressed\n',
    );
  });

  it('paints levels, positions and the summary only when colour is on', () => {
    const painted = formatStylish(results.slice(0, 1), { ...context, color: true });
    expect(painted.split('\n')[0]).toBe('\u001b[4mtypo.json\u001b[24m');
    expect(painted.split('\n')[1]).toBe(
      `  \u001b[2m${typoAt.line}:${typoAt.column}\u001b[22m  \u001b[31merror\u001b[39m  ${TYPO_MESSAGE}  \u001b[2mAzure.ACR.Logs\u001b[22m`,
    );
    expect(painted.endsWith('\u001b[31m✖\u001b[39m \u001b[1m1 problem\u001b[22m (1 error, 0 warnings)\n')).toBe(true);
    expect(formatStylish(results.slice(0, 1), context)).not.toContain('\u001b[');
  });

  it('says how many inputs could not be analysed, and shows a clean run with a tick', () => {
    const failed: InputResult = { file: '/x/missing.json', status: 'failed', findings: [] };
    expect(formatStylish([failed, { file: '/x/ok.json', status: 'analysed', findings: [] }], context)).toBe(
      '✓ 0 problems (0 errors, 0 warnings)\n✖ 1 of 2 inputs could not be analysed\n',
    );
  });

  it.each([
    ['a terminal', true, {}, true],
    ['a terminal with NO_COLOR=1', true, { NO_COLOR: '1' }, false],
    ['a terminal with NO_COLOR empty (unset by convention)', true, { NO_COLOR: '' }, true],
    ['a pipe', false, {}, false],
    ['an unknown stream', undefined, {}, false],
  ])('colour on %s: %s', (_name, isTTY, env, expected) => {
    expect(colorWanted(isTTY, env)).toBe(expected);
  });

  it('colours are the identity when off', () => {
    const off = colors(false);
    expect([off.red('a'), off.dim('b'), off.bold('c')]).toEqual(['a', 'b', 'c']);
  });
});

describe('github', () => {
  it('writes one annotation per unsuppressed finding, with the file relative to the repository root', () => {
    expect(formatGithub(results, context)).toBe(
      `::error file=test/fixtures/arm/typo.json,line=${typoAt.line},col=${typoAt.column},endLine=${typoAt.line},endColumn=${typoAt.column + 34},title=Azure.ACR.Logs::${TYPO_MESSAGE}\n`,
    );
  });

  it('escapes % and line breaks in the message, and also , and : in properties', () => {
    const tricky: InputResult = {
      file: path.join(ROOT, 'a,b:c.json'),
      status: 'analysed',
      findings: [
        {
          ruleId: 'Azure.ACR.Logs',
          level: 'note',
          kind: 'review',
          message: '100% sure?\r\nno:: really\nok',
          location: { file: path.join(ROOT, 'a,b:c.json'), range: { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } } },
          relatedLocations: [],
        },
      ],
    };
    expect(formatGithub([tricky], context)).toBe(
      '::notice file=a%2Cb%3Ac.json,line=1,col=1,endLine=2,endColumn=3,title=Azure.ACR.Logs (review)::100%25 sure?%0D%0Ano:: really%0Aok\n',
    );
  });

  it('summarises the run as Markdown for the job summary', () => {
    const piped: InputResult = {
      ...results[0]!,
      findings: [{ ...results[0]!.findings[0]!, message: 'a | b\nc' }],
    };
    expect(formatStepSummary([piped, results[1]!], { ...context, bicepVersion: '0.37.4' })).toBe(
      '## bicep-audit\n\n' +
        '**1 problem** in 2 inputs: 1 errors, 0 warnings, 0 notes, 1 suppressed.\n\n' +
        'bicep-audit 9.9.9, Bicep CLI 0.37.4.\n\n' +
        '| Level | Rule | Location | Message |\n' +
        '| --- | --- | --- | --- |\n' +
        `| error | Azure.ACR.Logs | \`test/fixtures/arm/typo.json:${typoAt.line}:${typoAt.column}\` | a \\| b<br>c |\n`,
    );
    expect(formatStepSummary([{ file: TYPO, status: 'failed', findings: [] }], context)).toBe(
      '## bicep-audit\n\n**No problems** in 1 input: 0 errors, 0 warnings, 0 notes, 0 suppressed; **1 could not be analysed**.\n\nbicep-audit 9.9.9, no Bicep CLI needed.\n',
    );
  });
});

describe('json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'report.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('gives the versioned shape: tool, Bicep, inputs with status, results with 1-based locations, summary', () => {
    const report = JSON.parse(formatJson(results, { ...context, bicepVersion: '0.37.4' }));
    expect(validate(report)).toBe(true);
    expect({ ...report, results: report.results.length }).toEqual({
      version: 1,
      tool: { name: 'bicep-audit', version: '9.9.9' },
      bicep: { version: '0.37.4' },
      inputs: [
        { file: TYPO, status: 'analysed' },
        { file: CONDITION, status: 'analysed' },
      ],
      results: 2,
      summary: { errors: 1, warnings: 0, notes: 0, suppressed: 1, baselined: 0, failedInputs: 0 },
    });
    expect(report.results[0]).toEqual({
      ruleId: 'Azure.ACR.Logs',
      kind: 'fail',
      level: 'error',
      message: TYPO_MESSAGE,
      input: TYPO,
      location: { file: TYPO, line: typoAt.line, column: typoAt.column, endLine: typoAt.line, endColumn: typoAt.column + 34 },
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
      appliesTo: [TYPO],
      suppression: null,
      baseline: false,
      fix: null,
      noFix: null,
    });
    expect([report.results[1].kind, report.results[1].level, report.results[1].suppression]).toEqual(['review', 'warning', { kind: 'external', justification: REASON }]);
  });

  it('gives a suppression without a reason a null justification', () => {
    const report = JSON.parse(formatJson(inSourceWithoutReason(), context));
    expect(validate(report)).toBe(true);
    expect(report.results.map((r: { suppression: unknown }) => r.suppression)).toEqual([null, { kind: 'inSource', justification: null }]);
  });

  it('the schema rejects a suppression of another kind', () => {
    const report = JSON.parse(formatJson(results, context));
    report.results[1].suppression.kind = 'unknown';
    expect(validate(report)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toContain('/results/1/suppression/kind must be equal to one of the allowed values');
  });

  it('the schema rejects a report that lacks a field programs rely on', () => {
    const report = JSON.parse(formatJson(results, context));
    delete report.results[0].location;
    expect(validate(report)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual(["/results/0 must have required property 'location'"]);
  });
});

describe('sarif', () => {
  const run = () => JSON.parse(formatSarif(results, { ...context, bicepVersion: '0.37.4' })).runs[0];

  it('describes the tool and every rule it reports, with help, helpUri and security severity', () => {
    const { tool } = run();
    expect({ ...tool.driver, rules: tool.driver.rules.length }).toEqual({
      name: 'bicep-audit',
      version: '9.9.9',
      semanticVersion: '9.9.9',
      informationUri: 'https://github.com/bicep-audit/bicep-audit',
      rules: RULES.length,
    });
    const logs = RULES.find((r) => r.id === 'Azure.ACR.Logs')!;
    expect(tool.driver.rules.find((r: { id: string }) => r.id === logs.id)).toEqual({
      id: 'Azure.ACR.Logs',
      shortDescription: { text: 'Container registries export their audit logs' },
      fullDescription: { text: logs.meta.description },
      helpUri: 'https://github.com/bicep-audit/bicep-audit/blob/main/docs/rules/Azure.ACR.Logs.md',
      help: { text: ruleDocs(logs), markdown: ruleDocs(logs) },
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'Azure Well-Architected SE:10', 'MCSB LT-4', 'severity Important'],
        aliases: ['Azure.ACR.AuditLogs', 'AZR-000535'],
        'security-severity': '7.0',
      },
    });
  });

  it('gives results with kind, level, %SRCROOT%-relative regions, related locations and suppressions', () => {
    const sarifRun = run();
    expect(sarifRun.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${ROOT}/` } });
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    expect(sarifRun.properties).toEqual({ bicepVersion: '0.37.4' });
    expect(sarifRun.results.map((r: { kind: string; level: string; suppressions?: unknown }) => [r.kind, r.level, r.suppressions])).toEqual([
      ['fail', 'error', undefined],
      ['review', 'warning', [{ kind: 'external', justification: REASON, status: 'accepted' }]],
    ]);
    expect(sarifRun.results[0].locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'test/fixtures/arm/typo.json', uriBaseId: '%SRCROOT%' },
          region: { startLine: typoAt.line, startColumn: typoAt.column, endLine: typoAt.line, endColumn: typoAt.column + 34 },
        },
      },
    ]);
    expect(sarifRun.results[0].relatedLocations.map((r: { id: number; message: { text: string } }) => [r.id, r.message.text])).toEqual([
      [0, "registry 'acrtypo'"],
      [1, "diagnostic setting 'audit'"],
    ]);
    expect(sarifRun.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('gives a suppression without a reason no justification', () => {
    const sarifRun = JSON.parse(formatSarif(inSourceWithoutReason(), context)).runs[0];
    expect(sarifRun.results.map((r: { suppressions?: unknown }) => r.suppressions)).toEqual([undefined, [{ kind: 'inSource', status: 'accepted' }]]);
  });

  it('reports an input that could not be analysed as an unsuccessful invocation', () => {
    const failed: InputResult = { file: path.join(ROOT, 'gone.json'), status: 'failed', findings: [] };
    expect(JSON.parse(formatSarif([failed], context)).runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'could not analyse gone.json' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'gone.json', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('names a file outside the repository root by its file URL', () => {
    const outside: InputResult = { file: '/elsewhere/a b.json', status: 'failed', findings: [] };
    const notification = JSON.parse(formatSarif([outside], context)).runs[0].invocations[0].toolExecutionNotifications[0];
    expect(notification.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/a%20b.json' });
  });
});
