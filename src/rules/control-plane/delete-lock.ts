import type { ResourceInstance } from '../../template/expand/instance';
import { deployedAtScope, resourceIdKey } from '../../template/expand/resource-ids';
import { isSymbolic, isValueObject, mergeOrigins, originsOf } from '../../template/expressions/symbolic';
import type { Origin, Value } from '../../template/expressions/value';
import { describeDeciders, describeInstance } from '../audit-logs/describe-instance';
import { defineRule, type Rule, type RuleContext, type RuleReport } from '../rule';

type MessageId = 'noLock' | 'undecided' | 'conditionalRegistry';

const REGISTRY_TYPE = 'microsoft.containerregistry/registries';
const LOCK_TYPE = 'microsoft.authorization/locks';
const LOCK_SEGMENT = '/providers/microsoft.authorization/locks/';
/** The lock levels that stop a deletion. */
const BLOCKING = ['cannotdelete', 'readonly'];

type Certainty = 'yes' | 'maybe' | 'no';

/** What a lock is on: its `scope`, else the scope it is deployed at. */
function lockTarget(lock: ResourceInstance): Value | undefined {
  return lock.scope ?? deployedAtScope(lock.id, LOCK_SEGMENT);
}

function levelCertainty(lock: ResourceInstance): { certainty: Certainty; origins: Origin[] } {
  const properties = lock.body.properties;
  const level = isValueObject(properties) ? properties.level : properties;
  if (isSymbolic(level)) return { certainty: 'maybe', origins: originsOf(level) };
  return { certainty: typeof level === 'string' && BLOCKING.includes(level.toLowerCase()) ? 'yes' : 'no', origins: [] };
}

/** A lock as the rule reads it, once per deployment: what it is on (as an ID key where known), its level. */
interface LockView {
  lock: ResourceInstance;
  target: Value | undefined;
  /** The key of the target's ID; absent when the target is not known at all (it may be anything). */
  targetKey?: string;
  level: { certainty: Certainty; origins: Origin[] };
}

function lockView(lock: ResourceInstance): LockView {
  const target = lockTarget(lock);
  const known = target !== undefined && !(isSymbolic(target) && !target.parts);
  return { lock, target, ...(known ? { targetKey: resourceIdKey(target) } : {}), level: levelCertainty(lock) };
}

/**
 * Whether a lock covers a registry: a lock on the registry itself, or on a scope above it (its
 * resource group or subscription), which the registry inherits. A target whose text is not known
 * may be either.
 */
function covers(view: LockView, registryKey: string): Certainty {
  if (view.target === undefined) return 'no';
  if (view.targetKey === undefined) return 'maybe';
  return view.targetKey === registryKey || registryKey.startsWith(`${view.targetKey}/`) ? 'yes' : 'no';
}

function judge(registry: ResourceInstance, locks: readonly LockView[], context: RuleContext): RuleReport<MessageId> | undefined {
  const registryKey = resourceIdKey(registry.id);
  const undecided: { lock: ResourceInstance; origins: Origin[] }[] = [];
  for (const view of locks) {
    const on = covers(view, registryKey);
    if (on === 'no' || view.level.certainty === 'no') continue;
    const { lock, level } = view;
    const condition: Certainty = lock.condition === true ? 'yes' : 'maybe';
    if (on === 'yes' && level.certainty === 'yes' && condition === 'yes') return undefined;
    undecided.push({ lock, origins: [...level.origins, ...(condition === 'maybe' ? originsOf(lock.condition as Value) : []), ...(on === 'maybe' ? originsOf(view.target!) : [])] });
  }
  const description = describeInstance(registry);
  if (undecided.length > 0) {
    const first = undecided[0]!;
    return {
      kind: 'review',
      messageId: 'undecided',
      data: { registry: description, deciders: describeDeciders(mergeOrigins(...undecided.map((u) => u.origins)), context.describeSpan) },
      subject: registry,
      at: { instance: first.lock, path: ['properties', 'level'] },
      related: [{ instance: registry, message: `registry ${description}` }, ...undecided.map((u) => ({ instance: u.lock, message: `lock '${typeof u.lock.name === 'string' ? u.lock.name : u.lock.symbolicName}'` }))],
      remedy: { kind: 'none', reason: 'the outcome depends on values known only at deployment' },
    };
  }
  const remedy = { kind: 'add-lock' as const, target: { instance: registry }, noun: 'registry' };
  if (isSymbolic(registry.condition)) {
    // A registry that may not be deployed: whether it lacks a lock is for a person to review.
    const deciders = describeDeciders(originsOf(registry.condition as Value), context.describeSpan);
    return { kind: 'review', messageId: 'conditionalRegistry', data: { registry: description, deciders }, subject: registry, at: { instance: registry }, related: [], remedy };
  }
  return { kind: 'fail', messageId: 'noLock', data: { registry: description }, subject: registry, at: { instance: registry }, related: [], remedy };
}

/** Every deployed container registry is covered by a delete lock of the same deployment. */
export const acrDeleteLock: Rule = defineRule<MessageId>({
  id: 'Azure.ACR.DeleteLock',
  triggers: new Set([REGISTRY_TYPE]),
  meta: {
    title: 'Container registries are locked against deletion',
    description:
      "Each deployed container registry must be covered by a Microsoft.Authorization/locks of level CanNotDelete or ReadOnly, on the registry or on the resource group (or subscription) it is deployed to, in the same deployment.",
    docsPath: 'docs/rules/Azure.ACR.DeleteLock.md',
    level: 'note',
    tags: ['security', 'Azure Well-Architected RE:04', 'CIS Azure Foundations (resource locks)', 'severity Moderate'],
    securitySeverity: '4.0',
    aliases: ['Azure.ACR.Lock'],
    types: ['Microsoft.ContainerRegistry/registries'],
    messages: {
      noLock:
        "registry {registry} has no delete lock, so a single delete of the registry or of its resource group removes it with every image in it; add a Microsoft.Authorization/locks with level 'CanNotDelete' and scope the registry (or deploy one at its resource group)",
      undecided: 'whether registry {registry} is locked against deletion is decided at deployment by {deciders}; settle it in the template or check it before deploying',
      conditionalRegistry:
        "whether registry {registry} is deployed is decided at deployment by {deciders}; if it is, it has no delete lock: add a Microsoft.Authorization/locks with level 'CanNotDelete' and scope the registry (or deploy one at its resource group)",
    },
  },
  check(context) {
    const registries = context.instances.filter((i) => i.type.toLowerCase() === REGISTRY_TYPE && !i.existing && i.condition !== false);
    if (registries.length === 0) return [];
    const locks = context.instances.filter((i) => i.type.toLowerCase() === LOCK_TYPE && !i.existing && i.condition !== false).map(lockView);
    return registries.flatMap((registry) => {
      context.evaluated?.(registry);
      return judge(registry, locks, context) ?? [];
    });
  },
}) as Rule;
