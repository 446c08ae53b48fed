import path from 'node:path';
import { relativeInside } from '../discover/repository-root';
import { LEVEL_ORDER, type Finding, type FindingInstance, type InputResult } from '../rules/finding';
import { describeValue } from '../template/describe-value';
import type { ReportContext } from './report-context';

/** XML 1.0 text: markup characters escaped, characters XML cannot hold replaced. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const attributes = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');

interface TestCase {
  name: string;
  findings: Finding[];
}

function repositoryPath(file: string, context: ReportContext): string {
  return (relativeInside(file, context.repoRoot) ?? file).split(path.sep).join('/');
}

const resourceKey = (ruleId: string, instance: FindingInstance) =>
  JSON.stringify([ruleId, [...instance.deploymentChain, instance.symbolicName].join('/'), describeValue(instance.name)]);

const resourceName = (ruleId: string, instance: FindingInstance) =>
  `${ruleId} ${[...instance.deploymentChain, instance.symbolicName].join('/')} '${describeValue(instance.name)}'`;

/** One case per rule and resource the rule judged (passing ones too), and one per finding about no resource. */
function testCases(result: InputResult, findings: readonly Finding[], context: ReportContext): TestCase[] {
  const cases = new Map<string, TestCase>();
  for (const e of result.evaluations ?? []) {
    const key = resourceKey(e.ruleId, e.instance);
    if (!cases.has(key)) cases.set(key, { name: resourceName(e.ruleId, e.instance), findings: [] });
  }
  for (const f of findings) {
    const { line, character } = f.location.range.start;
    const key = f.instance ? resourceKey(f.ruleId, f.instance) : JSON.stringify([f.ruleId, f.location.file, line, character, f.message]);
    const name = f.instance ? resourceName(f.ruleId, f.instance) : `${f.ruleId} ${repositoryPath(f.location.file, context)}:${line + 1}:${character + 1}`;
    const found = cases.get(key) ?? cases.set(key, { name, findings: [] }).get(key)!;
    found.findings.push(f);
  }
  return [...cases.values()];
}

type Outcome = 'failure' | 'error' | 'skipped' | 'passed';

/** What a finding makes of its case: a failure at or above --fail-on, an error for an input not analysed, skipped when accepted. */
function outcomeOf(finding: Finding, result: InputResult, context: ReportContext): Outcome {
  if (finding.suppression || finding.baselined) return 'skipped';
  if (result.status !== 'analysed') return 'error';
  const failOn = context.failOn ?? 'error';
  return failOn !== 'never' && LEVEL_ORDER[finding.level] >= LEVEL_ORDER[failOn] ? 'failure' : 'passed';
}

function findingText(finding: Finding, context: ReportContext): string {
  const { line, character } = finding.location.range.start;
  return `${repositoryPath(finding.location.file, context)}:${line + 1}:${character + 1}: ${finding.level}${finding.kind === 'review' ? ' (review)' : ''} ${finding.message}`;
}

function caseXml(test: TestCase, classname: string, result: InputResult, context: ReportContext): { xml: string; outcome: Outcome } {
  const outcomes = test.findings.map((f) => outcomeOf(f, result, context));
  const body: string[] = [];
  test.findings.forEach((f, i) => {
    const outcome = outcomes[i]!;
    if (outcome === 'failure' || outcome === 'error') body.push(`      <${outcome}${attributes({ message: f.message, type: f.ruleId })}>${escapeXml(findingText(f, context))}</${outcome}>`);
  });
  const worst = (['error', 'failure'] as const).find((o) => outcomes.includes(o));
  const skipped = outcomes.length > 0 && outcomes.every((o) => o === 'skipped');
  if (skipped) {
    const why = test.findings[0]!.suppression ? `suppressed${test.findings[0]!.suppression.justification ? `: ${test.findings[0]!.suppression.justification}` : ''}` : 'baselined';
    body.push(`      <skipped${attributes({ message: why })}/>`);
  }
  // Findings below --fail-on pass, and are told in the case's output.
  const told = test.findings.filter((_, i) => outcomes[i] === 'passed').map((f) => findingText(f, context));
  if (told.length > 0) body.push(`      <system-out>${escapeXml(told.join('\n'))}</system-out>`);
  const open = `    <testcase${attributes({ name: test.name, classname })}`;
  return { xml: body.length > 0 ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`, outcome: worst ?? (skipped ? 'skipped' : 'passed') };
}

/**
 * JUnit XML for test-result viewers (Azure Pipelines' PublishTestResults, GitLab's junit report):
 * a suite per input, a case per rule and resource judged, a failure per finding at or above
 * --fail-on, an error per finding of an input that could not be analysed, skipped when suppressed or baselined.
 */
export function formatJunit(results: readonly InputResult[], context: ReportContext): string {
  const all = results.flatMap((r) => r.findings.map((f) => ({ finding: f, owner: r.file })));
  const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites = results.map((result) => {
    // A finding kept once for several .bicepparam files belongs to each of their suites.
    const findings = all.filter(({ finding, owner }) => (finding.appliesTo ?? [owner]).includes(result.file)).map(({ finding }) => finding);
    const name = repositoryPath(result.file, context);
    const cases = testCases(result, findings, context).map((test) => caseXml(test, name, result, context));
    const count = (outcome: Outcome) => cases.filter((c) => c.outcome === outcome).length;
    const suite = { tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += suite[key];
    const open = `  <testsuite${attributes({ name, ...suite })}`;
    return cases.length > 0 ? `${open}>\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>` : `${open}/>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes({ name: 'bicep-audit', ...counts })}>`, ...suites, '</testsuites>', ''].join('\n');
}
