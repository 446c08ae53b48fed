import type { DeploymentLink, ResourceInstance } from '../../template/expand/instance';
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
      ? `'${instance.name.split('/').pop()!}'${index}`
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
