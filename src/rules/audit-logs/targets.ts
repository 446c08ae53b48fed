import type { Deployment, ResourceInstance } from '../../template/expand/instance';
import { resourceIdKey } from '../../template/expand/resource-ids';
import { isSymbolic, isValueObject, originsOf, text } from '../../template/expressions/symbolic';
import type { Origin, Value } from '../../template/expressions/value';
import { scopeInstance, scopeType } from '../scope-instance';
import type { Certainty } from './coverage';
import { describeInstance } from './describe-instance';
import type { AuditLogRequirement, ImplicitChild, Precondition, PropertyTest } from './requirement';

/** A deployed resource a requirement judges. */
export interface AuditTarget {
  /** The resource whose logs are judged; for a child the template does not declare, one made up from its parent. */
  instance: ResourceInstance;
  /** Where a person adds what is missing: the resource's declaration, or its parent's. */
  declared: ResourceInstance;
  /** `registry 'acrprod'`: the resource as messages name it. */
  description: string;
  /** Whether the requirement applies to it (its tier has the logs), and what decides that when unknown. */
  applies: { certainty: Certainty; text: string; origins: Origin[] };
  /** For a scope (a subscription): the scopes above it that the run deploys, nearest first. */
  above?: ResourceInstance[];
}

// Types of the scopes templates deploy to: a row of them judges deployments, not resources.
const SCOPE_TYPES = new Set(['microsoft.resources/subscriptions', 'microsoft.management/managementgroups']);

const ALWAYS = { certainty: 'yes' as const, text: '', origins: [] };

const deployed = (instance: ResourceInstance) => !instance.existing && instance.condition !== false;

function valueAt(body: Value, path: readonly string[]): Value | undefined {
  let value: Value | undefined = body;
  for (const key of path) {
    if (isSymbolic(value)) return value;
    value = isValueObject(value) ? value[key] : undefined;
  }
  return value;
}

function passes(instance: ResourceInstance, test: PropertyTest): { certainty: Certainty; origins: Origin[] } {
  const value = valueAt(instance.body, test.path) ?? test.default;
  if (isSymbolic(value)) return { certainty: 'maybe', origins: originsOf(value) };
  const holds = test.present
    ? value !== undefined && value !== null && value !== ''
    : typeof value === 'string' && (test.oneOf ?? []).some((v) => v.toLowerCase() === value.toLowerCase());
  return { certainty: holds ? 'yes' : 'no', origins: [] };
}

function precondition(instance: ResourceInstance, applies: Precondition | undefined): AuditTarget['applies'] {
  if (!applies) return ALWAYS;
  const tests = [passes(instance, applies), ...(applies.alternative ? [passes(instance, applies.alternative)] : [])];
  const certainty = tests.some((t) => t.certainty === 'yes') ? 'yes' : tests.some((t) => t.certainty === 'maybe') ? 'maybe' : 'no';
  return { certainty, text: applies.text, origins: certainty === 'maybe' ? tests.flatMap((t) => t.origins) : [] };
}

function nounOf(row: AuditLogRequirement, type: string): string {
  const lower = type.toLowerCase();
  return Object.entries(row.nouns ?? {}).find(([t]) => t.toLowerCase() === lower)?.[1] ?? row.noun;
}

/** The child Azure creates with a parent of the type, as an instance of its own. */
function implicitChild(parent: ResourceInstance, child: ImplicitChild): ResourceInstance {
  const [type, name] = child.segment.split('/') as [string, string];
  return {
    ...parent,
    type: `${parent.type}/${type}`,
    name: text([parent.name, `/${name}`]),
    id: text([parent.id, `/${child.segment}`]),
  };
}

// Every rule looks up instances of a few types: the deployment is indexed by type once.
const byType = new WeakMap<readonly ResourceInstance[], Map<string, number[]>>();

/** The positions of the deployed instances of the types, in declaration order. */
function positionsOf(instances: readonly ResourceInstance[], types: readonly string[]): number[] {
  let index = byType.get(instances);
  if (!index) {
    index = new Map();
    instances.forEach((instance, position) => {
      if (!deployed(instance)) return;
      const type = instance.type.toLowerCase();
      const list = index!.get(type);
      if (list) list.push(position);
      else index!.set(type, [position]);
    });
    byType.set(instances, index);
  }
  const lists = types.map((t) => index.get(t.toLowerCase()) ?? []).filter((l) => l.length > 0);
  return lists.length <= 1 ? (lists[0] ?? []) : lists.flat().sort((a, b) => a - b);
}

/** The deployments at the scope types of a row, one target per scope (the first deployment to it places it). */
function scopeTargets(deployments: readonly Deployment[], row: AuditLogRequirement): AuditTarget[] {
  const types = new Set(row.types.map((t) => t.toLowerCase()));
  const seen = new Set<string>();
  const targets: AuditTarget[] = [];
  for (const deployment of deployments) {
    if (deployment.condition === false || !types.has(scopeType(deployment.scope).toLowerCase())) continue;
    const instance = scopeInstance(deployment);
    const key = resourceIdKey(instance.id);
    if (seen.has(key)) continue;
    seen.add(key);
    const above: ResourceInstance[] = [];
    for (let d = deployment.parent; d; d = d.parent) if (d.scope.kind !== deployment.scope.kind) above.push(scopeInstance(d));
    targets.push({ instance, declared: instance, description: `${nounOf(row, instance.type)} ${describeScope(instance, deployment)}`, applies: ALWAYS, above });
  }
  return targets;
}

/** `'0000-...'`, or for one known only at deployment, which deployment goes there. */
function describeScope(instance: ResourceInstance, deployment: Deployment): string {
  if (typeof instance.name === 'string') return `'${instance.name}'`;
  return deployment.module ? `of module ${describeInstance(deployment.module)}` : 'that the template deploys to';
}

/**
 * The deployed resources a requirement judges, in declaration order: each instance of its types
 * (not `existing`, condition not false, the precondition not false), and, right after their
 * parent, the implicit children that the template does not declare.
 */
export function auditTargets({ instances, deployments }: { instances: readonly ResourceInstance[]; deployments: readonly Deployment[] }, row: AuditLogRequirement): AuditTarget[] {
  if (row.types.some((t) => SCOPE_TYPES.has(t.toLowerCase()))) return scopeTargets(deployments, row);
  const children = row.implicitChildren ?? [];
  const own = positionsOf(instances, row.types);
  const parents = positionsOf(instances, children.map((c) => c.parentType));
  if (own.length === 0 && parents.length === 0) return [];
  const declaredIds = new Set(own.map((p) => resourceIdKey(instances[p]!.id)));
  const targets: AuditTarget[] = [];
  for (const position of parents.length === 0 ? own : [...new Set([...own, ...parents])].sort((a, b) => a - b)) {
    const instance = instances[position]!;
    const type = instance.type.toLowerCase();
    if (row.types.some((t) => t.toLowerCase() === type)) {
      const applies = precondition(instance, row.applies);
      if (applies.certainty !== 'no') targets.push({ instance, declared: instance, description: `${nounOf(row, instance.type)} ${describeInstance(instance)}`, applies });
    }
    for (const child of children) {
      if (child.parentType.toLowerCase() !== type) continue;
      const made = implicitChild(instance, child);
      if (declaredIds.has(resourceIdKey(made.id))) continue;
      const description = `${nounOf(row, made.type)} ${describeInstance(made)} (which Azure creates with its parent)`;
      targets.push({ instance: made, declared: instance, description, applies: ALWAYS });
    }
  }
  return targets;
}
