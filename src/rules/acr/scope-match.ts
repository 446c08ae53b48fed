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
    let answer = this.answers.get(memo);
    if (!answer && !this.byId.has(key)) answer = this.maybeOnly(loop);
    if (!answer) {
      const same = new Set(this.byId.get(key) ?? []);
      const maybe = [...this.opaque, ...(loop ? this.intoLoops : [])].filter((i) => !same.has(i));
      answer = [...[...same].map((i) => [i, 'yes'] as const), ...maybe.map((i) => [i, 'maybe'] as const)]
        .sort(([a], [b]) => a - b)
        .map(([i, match]) => ({ setting: this.items[i]!, match }));
      this.answers.set(memo, answer);
    }
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
