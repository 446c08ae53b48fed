import { resourceIdKey } from '../../template/expand/resource-ids';
import { isSymbolic, originsOf } from '../../template/expressions/symbolic';
import type { Value } from '../../template/expressions/value';

/** How sure it is that a setting targets a resource. */
export type ScopeMatch = 'yes' | 'maybe';

// Stands for an unknown part while an ID is read as text; no ID holds it.
const UNKNOWN = '\u0000';
const SUBSCRIPTION_ID = /^\/subscriptions\/[^/]+$/;

/**
 * The resource type an ID names, in lower case (`microsoft.storage/storageaccounts/blobservices`),
 * when its provider and type segments are known text (a subscription's ID has none); undefined when
 * an unknown part hides them.
 */
function typeOfId(id: Value): string | undefined {
  const written = typeof id === 'string' ? id : isSymbolic(id) && id.parts ? id.parts.map((p) => (typeof p === 'string' ? p : UNKNOWN)).join('') : undefined;
  if (written === undefined) return undefined;
  const lower = written.toLowerCase();
  const at = lower.lastIndexOf('/providers/');
  if (at < 0) return SUBSCRIPTION_ID.test(lower) ? 'microsoft.resources/subscriptions' : undefined;
  const segments = lower.slice(at + '/providers/'.length).split('/');
  // A namespace, then type and name in turns: an even count means an unknown part spans segments.
  if (segments.length < 3 || segments.length % 2 === 0) return undefined;
  const typeSegments = segments.filter((_, i) => i === 0 || i % 2 === 1);
  return typeSegments.some((t) => t === '' || t.includes(UNKNOWN)) ? undefined : typeSegments.join('/');
}

const hasLoopOrigin = (value: Value) => originsOf(value).some((o) => o.kind === 'loop');

/** The known text at the start and at the end of an ID that is only partly known, in lower case (IDs ignore case). */
function knownEnds(id: Value): { start: string; end: string } {
  if (typeof id === 'string') return { start: id.toLowerCase(), end: id.toLowerCase() };
  const parts = isSymbolic(id) ? id.parts ?? [] : [];
  const first = parts.findIndex((p) => typeof p !== 'string');
  const lastUnknown = parts.length - 1 - [...parts].reverse().findIndex((p) => typeof p !== 'string');
  const text = (from: number, to: number) => parts.slice(from, to).filter((p): p is string => typeof p === 'string').join('').toLowerCase();
  return { start: text(0, first < 0 ? parts.length : first), end: text(lastUnknown + 1, parts.length) };
}

const compatible = (a: string, b: string, at: 'start' | 'end') =>
  at === 'start' ? a.startsWith(b) || b.startsWith(a) : a.endsWith(b) || b.endsWith(a);

/** The unknowns an ID is built from, other than where the deployment goes (subscription, resource group). */
const decidedBy = (id: Value) => originsOf(id).filter((o) => o.kind !== 'deployment').map((o) => `${o.kind}:${o.name}`);

const SUBSCRIPTION = { segment: '/subscriptions/', own: 'subscription().subscriptionId' };
const RESOURCE_GROUP = { segment: '/resourcegroups/', own: 'resourceGroup().name' };

/** The subscription or resource group of an ID: the deployment's own, not given to the run; a name the template writes; or neither. */
function placeOf(id: Value, { segment, own }: { segment: string; own: string }): { own: true } | { name: string } | undefined {
  const parts = typeof id === 'string' ? [id] : isSymbolic(id) && id.parts ? id.parts : [];
  for (const [i, part] of parts.entries()) {
    if (typeof part !== 'string') continue;
    const at = part.toLowerCase().indexOf(segment);
    if (at < 0) continue;
    const rest = part.slice(at + segment.length);
    if (rest === '') {
      const next = parts[i + 1];
      return isSymbolic(next) && next.key === own ? { own: true } : undefined;
    }
    const end = rest.indexOf('/');
    return end < 0 && i + 1 < parts.length ? undefined : { name: end < 0 ? rest : rest.slice(0, end) };
  }
  return undefined;
}

/** A resource group that an ID names and that is taken for another one than the deployment's own. */
export interface AssumedApart {
  /** As the template writes it: `shared-rg`. */
  resourceGroup: string;
  /** The option that says the deployment goes there: `--resource-group shared-rg`. */
  option: string;
}

/**
 * When the run is not told the resource group, a group the template names in the deployment's
 * own subscription (`resourceGroup('shared-rg')`, `existing` there) is taken for another one than
 * the deployment's: a template written for its own group says `resourceGroup()`. A full ID that
 * also names its subscription is left open (it may well be where the deployment goes).
 */
function assumedApart(a: Value, b: Value): AssumedApart | undefined {
  const ownSubscription = (id: Value) => {
    const place = placeOf(id, SUBSCRIPTION);
    return place !== undefined && 'own' in place;
  };
  if (!ownSubscription(a) || !ownSubscription(b)) return undefined;
  const [x, y] = [placeOf(a, RESOURCE_GROUP), placeOf(b, RESOURCE_GROUP)];
  const named = x && 'name' in x && y && 'own' in y ? x.name : y && 'name' in y && x && 'own' in x ? y.name : undefined;
  return named === undefined ? undefined : { resourceGroup: named, option: `--resource-group ${named}` };
}

/**
 * Whether a partly known scope may be the resource's ID: a known ID must fit the scope's known
 * parts in order (an unknown part stands for any text); between two partly known IDs, the known
 * text at both ends must agree. (IDs of different types were told apart before.)
 */
function mayBeSameId(scope: Value, registryId: Value): boolean {
  // IDs built from different unknowns (parameters `primaryName` and `backupName`) are taken to be different resources.
  const [ours, theirs] = [decidedBy(scope), decidedBy(registryId)];
  if (ours.length > 0 && theirs.length > 0 && !ours.some((o) => theirs.includes(o))) return false;
  const [known, partly] = typeof registryId === 'string' ? [registryId, scope] : typeof scope === 'string' ? [scope, registryId] : [undefined, undefined];
  if (known !== undefined) {
    const parts = isSymbolic(partly) ? partly.parts ?? [] : [];
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = parts.map((p) => (typeof p === 'string' ? escape(p) : '[^]*')).join('');
    return new RegExp(`^${pattern}$`, 'i').test(known);
  }
  const [a, b] = [knownEnds(scope), knownEnds(registryId)];
  return compatible(a.start, b.start, 'start') && compatible(a.end, b.end, 'end');
}

interface Scoped {
  index: number;
  scope: Value;
  /** The type the scope names, when its text says. */
  type: string | undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The settings' scopes, read once, to find the settings whose scope is a given resource: `yes`
 * when both IDs are the same, `maybe` when the scope is an ID known only at deployment (a
 * parameter, an output) or both point into loops of unknown count over resources of the type. A
 * scope whose type is known never matches a resource of another type. Indexed by ID and type, so
 * that many resources against many settings cost one lookup each, not one comparison per pair.
 */
export class ScopeIndex<T> {
  private readonly byId = new Map<string, number[]>();
  /** Scopes known only at deployment: they may be any resource. */
  private readonly opaque: number[] = [];
  /** By type: scopes into a loop of unknown length; they may be any resource of such a loop. */
  private readonly intoLoops = new Map<string, number[]>();
  /** Other scopes with unknown parts (a name from a module's output, an `existing` name in another case): they may be a resource whose ID fits them. */
  private readonly partlyKnown: Scoped[] = [];
  /** By type: scopes known in full; they may be a resource whose ID is known only in part. */
  private readonly fullyKnown = new Map<string, Scoped[]>();

  constructor(
    private readonly items: readonly T[],
    scopeOf: (item: T) => Value | undefined,
  ) {
    items.forEach((item, index) => {
      const scope = scopeOf(item);
      if (scope === undefined) return;
      push(this.byId, resourceIdKey(scope), index);
      const type = typeOfId(scope);
      if (isSymbolic(scope) && !scope.parts) this.opaque.push(index);
      else if (type !== undefined && hasLoopOrigin(scope)) push(this.intoLoops, type, index);
      else if (isSymbolic(scope)) this.partlyKnown.push({ index, scope, type });
      else if (type !== undefined) push(this.fullyKnown, type, { index, scope, type });
    });
  }

  private readonly answers = new Map<string, readonly { setting: T; match: ScopeMatch }[]>();
  private readonly apart = new Map<string, readonly ({ setting: T } & AssumedApart)[]>();

  /** The settings `matches` left out of a resource's list only because their scope names another subscription or resource group (see assumedApart). */
  assumedApart(id: Value, type: string): readonly ({ setting: T } & AssumedApart)[] {
    this.matches(id, type);
    return this.apart.get(`${type.toLowerCase()}:${hasLoopOrigin(id)}:${resourceIdKey(id)}`) ?? [];
  }

  /**
   * The settings that target the resource of `type` (as Azure writes it) with ID `id`, in their
   * own order. Resources with the same ID (the instances of a loop with a fixed name) get the very
   * same list, so work on it can be shared.
   */
  matches(id: Value, type: string): readonly { setting: T; match: ScopeMatch }[] {
    const lowerType = type.toLowerCase();
    const key = resourceIdKey(id);
    const loop = hasLoopOrigin(id);
    const memo = `${lowerType}:${loop}:${key}`;
    const known = this.answers.get(memo);
    if (known) return known;
    const partly = this.partlyKnown.filter((p) => p.type === undefined || p.type === lowerType);
    const candidates = isSymbolic(id) ? [...partly, ...(this.fullyKnown.get(lowerType) ?? [])] : partly;
    const fits = candidates.filter((p) => mayBeSameId(p.scope, id));
    const apart = fits.flatMap((p) => {
      const assumed = assumedApart(p.scope, id);
      return assumed ? [{ setting: this.items[p.index]!, ...assumed }] : [];
    });
    if (apart.length > 0) this.apart.set(memo, apart);
    const fitting = fits.filter((p) => !apart.some((a) => a.setting === this.items[p.index])).map((p) => p.index);
    const same = new Set(this.byId.get(key) ?? []);
    if (same.size === 0 && fitting.length === 0) return this.maybeOnly(loop, lowerType);
    const maybe = [...new Set([...this.opaque, ...(loop ? (this.intoLoops.get(lowerType) ?? []) : []), ...fitting])].filter((i) => !same.has(i));
    const answer = [...[...same].map((i) => [i, 'yes'] as const), ...maybe.map((i) => [i, 'maybe'] as const)]
      .sort(([a], [b]) => a - b)
      .map(([i, match]) => ({ setting: this.items[i]!, match }));
    this.answers.set(memo, answer);
    return answer;
  }

  /** For a resource no setting names by its ID: the settings that may be any resource of its type, one shared list. */
  private maybeOnly(loop: boolean, type: string): readonly { setting: T; match: ScopeMatch }[] {
    const memo = `${type}:${loop}:`;
    let answer = this.answers.get(memo);
    if (!answer) {
      answer = [...this.opaque, ...(loop ? (this.intoLoops.get(type) ?? []) : [])].sort((a, b) => a - b).map((i) => ({ setting: this.items[i]!, match: 'maybe' as const }));
      this.answers.set(memo, answer);
    }
    return answer;
  }
}
