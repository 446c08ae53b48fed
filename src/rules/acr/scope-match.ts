import { resourceIdKey } from '../../template/expand/resource-ids';
import { isSymbolic, originsOf } from '../../template/expressions/symbolic';
import type { Value } from '../../template/expressions/value';

/** How sure it is that a setting targets a registry. */
export type ScopeMatch = 'yes' | 'maybe';

const REGISTRY_SEGMENT = '/providers/microsoft.containerregistry/registries/';

function literalText(value: Value): string {
  if (typeof value === 'string') return value;
  if (isSymbolic(value) && value.parts) return value.parts.filter((p): p is string => typeof p === 'string').join('');
  return '';
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

/**
 * Whether a partly known scope may be the registry's ID: a known registry ID must fit the scope's
 * known parts in order (an unknown part stands for any text); between two partly known IDs, the
 * known text at both ends must agree.
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

/**
 * The settings' scopes, read once, to find the settings whose scope is a registry: `yes` when both
 * IDs are the same, `maybe` when the scope is an ID known only at deployment (a parameter, an
 * output) or both point into loops whose counts are unknown. Indexed by ID, so that many
 * registries against many settings cost one lookup each, not one comparison per pair.
 */
export class ScopeIndex<T> {
  private readonly byId = new Map<string, number[]>();
  /** Scopes known only at deployment: they may be any registry. */
  private readonly opaque: number[] = [];
  /** Scopes into a registry loop of unknown length: they may be any registry of such a loop. */
  private readonly intoLoops: number[] = [];
  /** Other scopes with unknown parts (a name from a module's output, an `existing` name in another case): they may be a registry whose ID fits them. */
  private readonly partlyKnown: { index: number; scope: Value }[] = [];
  /** Scopes known in full that name a registry: they may be a registry whose ID is known only in part. */
  private readonly registryIds: { index: number; scope: Value }[] = [];

  constructor(
    private readonly items: readonly T[],
    scopeOf: (item: T) => Value | undefined,
  ) {
    items.forEach((item, index) => {
      const scope = scopeOf(item);
      if (scope === undefined) return;
      const key = resourceIdKey(scope);
      const sameId = this.byId.get(key);
      if (sameId) sameId.push(index);
      else this.byId.set(key, [index]);
      if (isSymbolic(scope) && !scope.parts) this.opaque.push(index);
      else if (literalText(scope).toLowerCase().includes(REGISTRY_SEGMENT) && hasLoopOrigin(scope)) this.intoLoops.push(index);
      else if (isSymbolic(scope)) this.partlyKnown.push({ index, scope });
      else if (typeof scope === 'string' && scope.toLowerCase().includes(REGISTRY_SEGMENT)) this.registryIds.push({ index, scope });
    });
  }

  private readonly answers = new Map<string, readonly { setting: T; match: ScopeMatch }[]>();

  /**
   * The settings that target the registry, in their own order. Registries with the same ID (the
   * instances of a loop with a fixed name) get the very same list, so work on it can be shared.
   */
  matches(registryId: Value): readonly { setting: T; match: ScopeMatch }[] {
    const key = resourceIdKey(registryId);
    const loop = hasLoopOrigin(registryId);
    const memo = `${loop}:${key}`;
    const known = this.answers.get(memo);
    if (known) return known;
    const candidates = isSymbolic(registryId) ? [...this.partlyKnown, ...this.registryIds] : this.partlyKnown;
    const fitting = candidates.filter((p) => mayBeSameId(p.scope, registryId)).map((p) => p.index);
    const same = new Set(this.byId.get(key) ?? []);
    if (same.size === 0 && fitting.length === 0) return this.maybeOnly(loop);
    const maybe = [...new Set([...this.opaque, ...(loop ? this.intoLoops : []), ...fitting])].filter((i) => !same.has(i));
    const answer = [...[...same].map((i) => [i, 'yes'] as const), ...maybe.map((i) => [i, 'maybe'] as const)]
      .sort(([a], [b]) => a - b)
      .map(([i, match]) => ({ setting: this.items[i]!, match }));
    this.answers.set(memo, answer);
    return answer;
  }

  /** For a registry no setting names by its ID: the settings that may be any registry, one shared list. */
  private maybeOnly(loop: boolean): readonly { setting: T; match: ScopeMatch }[] {
    const memo = `${loop}:`;
    let answer = this.answers.get(memo);
    if (!answer) {
      answer = [...this.opaque, ...(loop ? this.intoLoops : [])].sort((a, b) => a - b).map((i) => ({ setting: this.items[i]!, match: 'maybe' as const }));
      this.answers.set(memo, answer);
    }
    return answer;
  }
}
