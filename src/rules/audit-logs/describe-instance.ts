import type { DeploymentLink, FalseCondition, ResourceInstance, ValueRead } from '../../template/expand/instance';
import { phrase } from '../../template/expressions/phrase';
import { bicepText, NOT_EVALUATED } from '../../template/bicep-text';
import type { Origin, Symbolic } from '../../template/expressions/value';
import type { SourceSpan } from '../../template/location';

/** How many items of a list (settings, unknowns that decide an outcome) a message names before it counts the rest. */
export const MAX_SHOWN = 3;

function loopText(loopIndex: number | Symbolic | undefined): string {
  if (loopIndex === undefined) return '';
  return typeof loopIndex === 'number' ? ` [loop index ${loopIndex}]` : ' [every loop index]';
}

/** A classic template's resources and nested deployments are keyed by position (`resources[0]`), which says little. */
const byPosition = (symbolicName: string) => symbolicName.startsWith('resources[');

/** A module by its Bicep symbol; a classic nested deployment by its name. */
function describeLink(link: DeploymentLink): string {
  const shown = byPosition(link.symbolicName) && typeof link.name === 'string' ? link.name : link.symbolicName;
  return `'${shown}'${loopText(link.loopIndex)}`;
}

/**
 * `'acr-prod'`, `'registry' [loop index 2]`, `'registry' (named 'cr${token}')`, `... in module
 * 'shared' > 'acr'`: enough to find the instance. A name known only at deployment is shown as
 * Bicep writes it; a classic template's resource is shown by that name rather than its position.
 */
export function describeInstance(instance: ResourceInstance): string {
  const index = loopText(instance.loopIndex);
  const named = typeof instance.name === 'string' ? undefined : bicepText(instance.name);
  const base =
    named === undefined
      ? `'${instance.name as string}'${index}`
      : byPosition(instance.symbolicName) && named !== NOT_EVALUATED
        ? `named ${named}${index}`
        : `'${instance.symbolicName}'${index} (named ${named})`;
  const modules = instance.deploymentChain.map(describeLink).join(' > ');
  return modules ? `${base} in module ${modules}` : base;
}

/** A diagnostic setting as messages name it: `'audit'` (the last segment of a child's name), or its symbol, or its name as Bicep writes it. */
export function settingName(setting: ResourceInstance): string {
  if (typeof setting.name === 'string') return `'${setting.name.split('/').pop()}'`;
  return byPosition(setting.symbolicName) ? bicepText(setting.name) : `'${setting.symbolicName}'`;
}

/** What an unknown depends on, in words, with where it is declared when known. */
export function describeOrigin(origin: Origin, describeSpan: (span: SourceSpan) => string): string {
  const where = origin.declaredAt ? ` (declared at ${describeSpan(origin.declaredAt)})` : '';
  switch (origin.kind) {
    case 'parameter':
      return `parameter '${origin.name}'${where}, which has no value`;
    case 'loop':
      return `the number of instances of loop '${origin.name}'${where}`;
    case 'unsupported':
      return `an expression bicep-audit could not evaluate${where}${origin.note ? `: ${origin.note}` : ''}`;
    default:
      return `${origin.name}${where}`;
  }
}

/** Enough of what a false condition read to see why, without quoting a whole template. */
const MAX_READS_SHOWN = 3;

/** The first `max` items joined, and how many were left out: a message stays a few lines long however many there are. */
export function boundedList(items: readonly string[], max: number, separator = '; '): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown}${separator === ', ' ? ' ' : separator}and ${items.length - max} more` : shown;
}

function describeRead(read: ValueRead, declaredIn: string | undefined): string {
  const value = `${read.kind} '${read.name}' is ${phrase(read.value)}`;
  switch (read.source) {
    case 'default':
      return `${value}, its default${declaredIn ? `, which module '${declaredIn}' does not pass` : ''}`;
    case 'nullable':
      return `${value}, as no value is given${declaredIn ? ` by module '${declaredIn}'` : ''}`;
    case 'given':
      return declaredIn ? `${value}, as module '${declaredIn}' passes it` : `${value}, as given`;
    default:
      return value;
  }
}

/** `its condition is false (parameter 'workspaceId' is '', its default, which module 'registry' does not pass)`. */
export function describeFalseCondition(falseCondition: FalseCondition | undefined): string {
  const reads = (falseCondition?.reads ?? []).filter(
    (r, i, all) => all.findIndex((other) => other.kind === r.kind && other.name.toLowerCase() === r.name.toLowerCase()) === i,
  );
  const because = reads.length > 0 ? ` (${boundedList(reads.map((r) => describeRead(r, falseCondition?.declaredIn)), MAX_READS_SHOWN)})` : '';
  const whose = falseCondition?.module ? `the condition of module '${falseCondition.module}'` : 'its condition';
  return `${whose} is false${because}`;
}

/**
 * The unknowns that decide an outcome, in words. The subscription and resource group are left out
 * when something else is named: they are the same on both sides of any comparison of IDs.
 */
export function describeDeciders(origins: readonly Origin[], describeSpan: (span: SourceSpan) => string): string {
  const telling = origins.filter((o) => o.kind !== 'deployment');
  const shown = telling.length > 0 ? telling : origins;
  return shown.length > 0 ? boundedList(shown.map((o) => describeOrigin(o, describeSpan)), MAX_SHOWN) : 'values known only at deployment';
}
