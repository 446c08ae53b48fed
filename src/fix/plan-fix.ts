import type { Range } from '../positions';
import type { SourceLocation } from '../rules/finding';
import type { RemedyStep } from '../rules/remedy';
import {
  identifierOf,
  literalString,
  propertyKey,
  propertyValue,
  syntaxChildren,
  type ParsedBicep,
  type SyntaxNode,
} from './bicep-syntax';
import { appendArrayItems, appendObjectProperty, isSpread, objectText, type OffsetEdit } from './layout';
import type { SourceFix, TextEdit } from '../rules/source-fix';
import { declarationAround, enclosingLoop, valueSource, whyNotWrittenOut } from './source-reasons';

/** How a person wants fixes written, from their config. */
export interface FixPreferences {
  /** Add the `audit` category group instead of one entry per missing category. */
  categoryGroup: boolean;
}

export type Planned = { fix: SourceFix } | { noFix: string };

interface StepEdit {
  edit: OffsetEdit;
  description: string;
}

type StepPlan = StepEdit | { reason: string };

/** The parsed Bicep file a place is in, or why there is none. */
export type SourceAt = (location: SourceLocation) => Promise<ParsedBicep | string>;

function settingName(node: SyntaxNode): string {
  const declaration = declarationAround(node);
  return declaration ? `diagnostic setting '${identifierOf(declaration)}'` : 'the diagnostic setting';
}

/** The node at a place, when the finding's place is the very node a step edits, and no loop repeats it. */
function nodeFor(source: ParsedBicep, range: Range, expected: (node: SyntaxNode) => boolean): SyntaxNode | { reason: string } {
  const node = source.nodeAt(range);
  if (!node) return { reason: 'the place the finding names is not where the source was read; run bicep-audit again' };
  if (!expected(node)) return { reason: whyNotWrittenOut(source, node) };
  if (enclosingLoop(node)) return { reason: `${settingName(node)} is declared in a loop; an edit there would change every instance it makes` };
  return node;
}

const isProperty = (key: string) => (node: SyntaxNode) => node.type === 'object_property' && propertyKey(node)?.toLowerCase() === key.toLowerCase();

function entryText(source: ParsedBicep, indent: string, like: SyntaxNode | undefined, entry: [string, string]): string {
  const properties: [string, string][] = [entry, ['enabled', 'true']];
  return objectText(properties, isSpread(like) ? { indent, unit: source.indentUnit, eol: source.eol } : undefined);
}

function addEntries(source: ParsedBicep, step: Extract<RemedyStep<SourceLocation>, { kind: 'add-log-entries' }>, prefs: FixPreferences): StepPlan {
  const logs = nodeFor(source, step.at.range, isProperty('logs'));
  if ('reason' in logs) return logs;
  const array = propertyValue(logs);
  if (array?.type !== 'array') return { reason: valueSource(source, "'logs'", array!) };
  // With no category to add (a requirement of one of the groups), the group is the entry.
  const group = prefs.categoryGroup || step.categories.length === 0 ? step.group : undefined;
  const entries: [string, string][] = group ? [['categoryGroup', `'${group}'`]] : step.categories.map((c) => ['category', `'${c}'`]);
  const edit = appendArrayItems(source, array, (indent, like) => entries.map((entry) => entryText(source, indent, like, entry)));
  const added = group ? `the '${group}' category group` : step.categories.join(' and ');
  return { edit, description: `add ${added} to the logs of ${settingName(logs)}` };
}

function enableEntry(source: ParsedBicep, step: Extract<RemedyStep<SourceLocation>, { kind: 'enable-log-entry' }>): StepPlan {
  const node = nodeFor(source, step.at.range, (n) => isProperty('enabled')(n) || (n.type === 'object' && n.parent?.type === 'array'));
  if ('reason' in node) return node;
  const entry = node.type === 'object' ? node : node.parent!;
  const named = syntaxChildren(entry).find((p) => p.type === 'object_property' && /^category(Group)?$/i.test(propertyKey(p) ?? ''));
  const what = `the ${literalString(named && propertyValue(named)) ?? 'log'} entry of ${settingName(node)}`;
  if (node.type === 'object') return { edit: appendObjectProperty(source, node, 'enabled', 'true'), description: `enable ${what}` };
  const value = propertyValue(node)!;
  if (value.type !== 'boolean') return { reason: valueSource(source, "'enabled'", value) };
  return { edit: { start: value.startIndex, end: value.endIndex, newText: 'true' }, description: `enable ${what}` };
}

function renameEntry(source: ParsedBicep, step: Extract<RemedyStep<SourceLocation>, { kind: 'rename-log-entry' }>): StepPlan {
  const node = nodeFor(source, step.at.range, (n) => isProperty('category')(n) || isProperty('categoryGroup')(n));
  if ('reason' in node) return node;
  const value = propertyValue(node)!;
  if (literalString(value) !== step.from) return { reason: valueSource(source, `'${propertyKey(node)}'`, value) };
  const content = value.namedChildren[0]!;
  return { edit: { start: content.startIndex, end: content.endIndex, newText: step.to }, description: `correct '${step.from}' to '${step.to}'` };
}

function planStep(source: ParsedBicep, step: RemedyStep<SourceLocation>, prefs: FixPreferences): StepPlan {
  switch (step.kind) {
    case 'add-log-entries':
      return addEntries(source, step, prefs);
    case 'enable-log-entry':
      return enableEntry(source, step);
    case 'rename-log-entry':
      return renameEntry(source, step);
  }
}

export function toTextEdit(source: ParsedBicep, edit: OffsetEdit): TextEdit {
  return { file: source.file, range: source.range(edit.start, edit.end), newText: edit.newText };
}

/** The edits that carry out a rule's steps, all or none: a fix that does half is no fix. */
export async function planSteps(steps: readonly RemedyStep<SourceLocation>[], sourceAt: SourceAt, prefs: (file: string) => FixPreferences): Promise<Planned> {
  const edits: TextEdit[] = [];
  const descriptions: string[] = [];
  for (const step of steps) {
    const source = await sourceAt(step.at);
    if (typeof source === 'string') return { noFix: source };
    const plan = planStep(source, step, prefs(source.file));
    if ('reason' in plan) return { noFix: plan.reason };
    edits.push(toTextEdit(source, plan.edit));
    descriptions.push(plan.description);
  }
  return { fix: { kind: 'fix', description: descriptions.join('; '), edits: sortEdits(edits) } };
}

export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort(
    (a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
