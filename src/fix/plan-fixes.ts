import fs from 'node:fs';
import { bicepParser } from '../locate/bicep-source';
import type { Finding, InputResult, SourceLocation } from '../rules/finding';
import { ParsedBicep } from './bicep-syntax';
import { ModuleCalls } from './module-calls';
import { planSteps, type FixPreferences, type Planned, type SourceAt } from './plan-fix';
import { suggestLock } from './suggest-lock';
import { suggestScopeSetting } from './suggest-scope-setting';
import { suggestSetting } from './suggest-setting';

export interface FixPlan {
  /** The results, each finding with a remedy given its `fix` or the reason for `noFix`. */
  results: InputResult[];
  /** The text of each file the fixes were planned on: a file that no longer reads so is not written. */
  sourceTexts: ReadonlyMap<string, string>;
}

/** Reads and parses each Bicep file once; a place in an ARM JSON file gets the reason there is no fix. */
function sourceReader(): { sourceAt: SourceAt; texts: Map<string, string> } {
  const parsed = new Map<string, ParsedBicep | string>();
  const texts = new Map<string, string>();
  const sourceAt = async ({ file }: SourceLocation) => {
    let source = parsed.get(file);
    if (source === undefined) {
      if (!file.toLowerCase().endsWith('.bicep')) {
        source = 'the finding is in an ARM JSON template; bicep-audit fixes Bicep files only';
      } else {
        const text = fs.readFileSync(file, 'utf8');
        texts.set(file, text);
        source = new ParsedBicep(file, text, (await bicepParser()).parse(text).rootNode);
      }
      parsed.set(file, source);
    }
    return source;
  };
  return { sourceAt, texts };
}

async function planFor(finding: Finding, sourceAt: SourceAt, prefs: (file: string) => FixPreferences, calls: () => Promise<ModuleCalls>): Promise<Planned | undefined> {
  const remedy = finding.remedy;
  if (!remedy || finding.suppression) return undefined;
  switch (remedy.kind) {
    case 'none':
      return { noFix: remedy.reason };
    case 'steps':
      return planSteps(remedy.steps, sourceAt, prefs);
    case 'add-setting': {
      const source = await sourceAt(remedy.target);
      return typeof source === 'string' ? { noFix: source } : await suggestSetting(source, remedy, prefs(source.file), await calls(), sourceAt);
    }
    case 'add-scope-setting': {
      const source = await sourceAt(remedy.target);
      return typeof source === 'string' ? { noFix: source } : suggestScopeSetting(source, remedy);
    }
    case 'add-lock': {
      const source = await sourceAt(remedy.target);
      return typeof source === 'string' ? { noFix: source } : suggestLock(source, remedy);
    }
  }
}

/** Plans the edit of the Bicep source for every unsuppressed finding whose rule offers a remedy. */
export async function planFixes(results: readonly InputResult[], prefs: (file: string) => FixPreferences): Promise<FixPlan> {
  const { sourceAt, texts } = sourceReader();
  const planned: InputResult[] = [];
  // Only a suggestion needs to know where modules are called: the files are parsed once, on the first.
  let calls: Promise<ModuleCalls> | undefined;
  const callsOnce = () => (calls ??= ModuleCalls.of(results.filter((r) => r.status === 'analysed' && /\.bicep(param)?$/i.test(r.file)).map((r) => r.file)));
  for (const result of results) {
    const findings: Finding[] = [];
    for (const finding of result.findings) {
      const plan = await planFor(finding, sourceAt, prefs, callsOnce);
      findings.push(plan ? { ...finding, ...plan } : finding);
    }
    planned.push({ ...result, findings });
  }
  return { results: planned, sourceTexts: texts };
}
