import type { ResourceInstance } from '../../template/expand/instance';
import { describeValue } from '../../template/describe-value';
import type { Origin } from '../../template/expressions/value';
import type { SourceSpan } from '../../template/location';

/** `'acr-prod'`, `'registry' [index 2]`, `... in module 'shared' > 'acr'`: enough to find the instance. */
export function describeInstance(instance: ResourceInstance): string {
  const known = typeof instance.name === 'string';
  const lastSegment = known ? (instance.name as string).split('/').pop()! : undefined;
  const index =
    instance.loopIndex === undefined ? '' : typeof instance.loopIndex === 'number' ? ` [loop index ${instance.loopIndex}]` : ' [every loop index]';
  const base = known ? `'${lastSegment}'${index}` : `'${instance.symbolicName}'${index} (named ${describeValue(instance.name)})`;
  const modules = instance.deploymentChain.map((link) => `'${link.symbolicName}'`).join(' > ');
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
