import type { DeploymentLink, FalseCondition, ResourceInstance, ValueRead } from '../../template/expand/instance';
import { phrase } from '../../template/expressions/phrase';
import { describeValue } from '../../template/describe-value';
import type { Origin, Symbolic } from '../../template/expressions/value';
import type { SourceSpan } from '../../template/location';

function loopText(loopIndex: number | Symbolic | undefined): string {
  if (loopIndex === undefined) return '';
  return typeof loopIndex === 'number' ? ` [loop index ${loopIndex}]` : ' [every loop index]';
}

/** A module by its Bicep symbol; a classic nested deployment (keyed by position) by its name. */
function describeLink(link: DeploymentLink): string {
  const classic = link.symbolicName.startsWith('resources[');
  const shown = classic && typeof link.name === 'string' ? link.name : link.symbolicName;
  return `'${shown}'${loopText(link.loopIndex)}`;
}

/** `'acr-prod'`, `'registry' [loop index 2]`, `... in module 'shared' > 'acr'`: enough to find the instance. */
export function describeInstance(instance: ResourceInstance): string {
  const index = loopText(instance.loopIndex);
  const base =
    typeof instance.name === 'string'
      ? `'${instance.name}'${index}`
      : `'${instance.symbolicName}'${index} (named ${describeValue(instance.name)})`;
  const modules = instance.deploymentChain.map(describeLink).join(' > ');
  return modules ? `${base} in module ${modules}` : base;
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
  const shown = reads.slice(0, MAX_READS_SHOWN).map((r) => describeRead(r, falseCondition?.declaredIn));
  const because = shown.length > 0 ? ` (${shown.join('; ')}${reads.length > shown.length ? '; …' : ''})` : '';
  const whose = falseCondition?.module ? `the condition of module '${falseCondition.module}'` : 'its condition';
  return `${whose} is false${because}`;
}
