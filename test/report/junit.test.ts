import fs from 'node:fs';
import path from 'node:path';
import { escapeXml } from '../../src/report/junit';
import { junitProblems, parseXml, type XmlElement } from '../helpers/junit-schema';
import { auditWithRealBicep, BICEP_FIXTURES } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';

const INPUTS = ['junit/mixed.bicep', 'junit/broken.bicep', 'baseline/main.bicep'];
const MARKUP = 'acr<&"markup">';

/** Each suite's cases as `name: outcome`, an outcome being the case's failure, error or skipped element. */
function cases(root: XmlElement): Record<string, string[]> {
  return Object.fromEntries(
    root.children.map((suite) => [
      suite.attributes.name!,
      suite.children.map((c) => {
        const mark = c.children.find((e) => ['failure', 'error', 'skipped'].includes(e.name));
        return `${c.attributes.name}: ${mark ? mark.name : 'passed'}`;
      }),
    ]),
  );
}

async function junit(argv: string[], options: { cwd?: string } = {}) {
  const run = await auditWithRealBicep([...argv, '--format', 'junit'], options);
  const root = parseXml(run.stdout);
  expect(junitProblems(root)).toEqual([]);
  return { code: run.code, stderr: run.stderr, root };
}

describe('--format junit', () => {
  it('gives a suite per input and a case per rule and resource judged: passing, failing, suppressed (skipped), and an input that did not compile (error)', async () => {
    const { code, stderr, root } = await junit([...INPUTS, '--no-cache']);
    expect([code, stderr]).toEqual([2, '']);
    expect(cases(root)).toEqual({
      'bicep-fixtures/junit/mixed.bicep': [
        // Each registry lacks a lock: a note, below --fail-on, passes.
        "Azure.ACR.DeleteLock passing 'acrpassing': passed",
        `Azure.ACR.DeleteLock markup '${MARKUP}': passed`,
        "Azure.ACR.DeleteLock accepted 'acraccepted': passed",
        "Azure.ACR.Logs passing 'acrpassing': passed",
        `Azure.ACR.Logs markup '${MARKUP}': failure`,
        "Azure.ACR.Logs accepted 'acraccepted': skipped",
        'BCP416 bicep-fixtures/junit/mixed.bicep:20:9: passed',
      ],
      'bicep-fixtures/junit/broken.bicep': ['BCP009 bicep-fixtures/junit/broken.bicep:3:9: error'],
      'bicep-fixtures/baseline/main.bicep': [
        "Azure.ACR.DeleteLock shared 'acrsharedbase': passed",
        "Azure.ACR.DeleteLock scratch 'acrscratchbase': passed",
        "Azure.ACR.DeleteLock team/teamRegistry 'acrteambase': passed",
        "Azure.ACR.Logs shared 'acrsharedbase': passed",
        "Azure.ACR.Logs scratch 'acrscratchbase': failure",
        "Azure.ACR.Logs team/teamRegistry 'acrteambase': failure",
      ],
    });
    expect(root.attributes).toEqual({ name: 'bicep-audit', tests: '14', failures: '3', errors: '1', skipped: '1' });
    // The failure names the file and line (a module's own file for a registry declared there), and keeps markup as text.
    const failures = root.children.flatMap((s) => s.children.flatMap((c) => c.children.filter((e) => e.name === 'failure')));
    expect(failures.map((f) => f.text.split(': ')[0])).toEqual(['bicep-fixtures/junit/mixed.bicep:19:1', 'bicep-fixtures/baseline/main.bicep:24:1', 'bicep-fixtures/baseline/modules/registry.bicep:4:1']);
    expect(failures[0]!.attributes).toEqual({
      message: `registry '${MARKUP}' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group`,
      type: 'Azure.ACR.Logs',
    });
    // A finding below --fail-on passes, and is told in the case's output.
    const review = root.children[2]!.children.find((c) => c.attributes.name === "Azure.ACR.Logs shared 'acrsharedbase'")!;
    expect(review.children.map((e) => e.name)).toEqual(['system-out']);
    expect(review.children[0]!.text).toMatch(/^bicep-fixtures\/baseline\/main\.bicep:18:7: warning \(review\) whether registry 'acrsharedbase'/);
  });

  it('fails the cases of warnings with --fail-on warning, and gives a clean file its passing cases', async () => {
    const { code, root } = await junit(['baseline/main.bicep', 'rule/valid-both-categories.bicep', '--fail-on', 'warning', '--no-cache']);
    expect(code).toBe(1);
    expect(cases(root)).toEqual({
      'bicep-fixtures/baseline/main.bicep': [
        "Azure.ACR.DeleteLock shared 'acrsharedbase': passed",
        "Azure.ACR.DeleteLock scratch 'acrscratchbase': passed",
        "Azure.ACR.DeleteLock team/teamRegistry 'acrteambase': passed",
        "Azure.ACR.Logs shared 'acrsharedbase': failure",
        "Azure.ACR.Logs scratch 'acrscratchbase': failure",
        "Azure.ACR.Logs team/teamRegistry 'acrteambase': failure",
      ],
      // A note (the missing lock) is below --fail-on warning too.
      'bicep-fixtures/rule/valid-both-categories.bicep': ["Azure.ACR.DeleteLock registry 'acrboth': passed", "Azure.ACR.Logs registry 'acrboth': passed"],
    });
  });

  it('skips baselined findings, and gives the same report from the result cache', async () => {
    const repo = makeTree({
      'main.bicep': fs.readFileSync(path.join(BICEP_FIXTURES, 'baseline', 'main.bicep'), 'utf8'),
      'modules/registry.bicep': fs.readFileSync(path.join(BICEP_FIXTURES, 'baseline', 'modules', 'registry.bicep'), 'utf8'),
    });
    fs.mkdirSync(path.join(repo, '.git'));
    expect((await auditWithRealBicep(['main.bicep', '--write-baseline', '--no-cache'], { cwd: repo })).code).toBe(0);
    const first = await junit(['main.bicep', '--baseline'], { cwd: repo });
    const cached = await junit(['main.bicep', '--baseline'], { cwd: repo });
    expect(first.code).toBe(0);
    expect(cases(first.root)).toEqual({
      'main.bicep': [
        "Azure.ACR.DeleteLock shared 'acrsharedbase': passed",
        "Azure.ACR.DeleteLock scratch 'acrscratchbase': passed",
        "Azure.ACR.DeleteLock team/teamRegistry 'acrteambase': passed",
        "Azure.ACR.Logs shared 'acrsharedbase': skipped",
        "Azure.ACR.Logs scratch 'acrscratchbase': skipped",
        "Azure.ACR.Logs team/teamRegistry 'acrteambase': skipped",
      ],
    });
    expect(cached.root).toEqual(first.root);
  });

  it('escapes markup and replaces characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"\u0001\u{1F600}')).toBe('a&lt;b&gt;&amp;&quot;c&quot;\uFFFD\u{1F600}');
  });
});
