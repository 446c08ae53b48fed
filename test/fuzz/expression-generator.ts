import { builtinFunctions } from '../../src/template/expressions/functions/index';
import type { Random } from './random';

/** Names an expression can refer to where it is evaluated. */
export interface Vocabulary {
  parameters: readonly string[];
  variables: readonly string[];
  loops: readonly string[];
  /** `namespace.name` of user-defined functions. */
  userFunctions: readonly string[];
  /** Symbolic names and resource IDs that reference() may be given. */
  references: readonly string[];
}

type Kind = 'string' | 'int' | 'bool' | 'array' | 'object' | 'any';
const KINDS: readonly Kind[] = ['string', 'int', 'bool', 'array', 'object', 'any'];

const PROPERTY_NAMES = ['id', 'name', 'location', 'type', 'env', 'Owner', 'a', 'b', 'properties', 'outputs', 'value', 'tenantId', 'length', 'x'];
const RESOURCE_TYPES = [
  'Microsoft.ContainerRegistry/registries',
  'Microsoft.Insights/diagnosticSettings',
  'Microsoft.Storage/storageAccounts/blobServices',
  'Microsoft.Resources/deployments',
  'NoSlash',
  '/',
  'Ns/a/b/c/d',
];
const FORMATS = ['{0}', '{0}-{1}', '{0,5}', '{0,-3}|', '{0:D4}', '{1:X2}', '{{literal}}', '{', '}', '{0', '{x}', '{9}', '{0:D99}', '{0,99999999}'];
const JSON_TEXTS = ['1', '-0', '1.5', '1e400', 'true', 'null', '"s"', '[1,[2,[3]]]', '{"a":{"b":[1]},"A":2}', '{"__proto__":{"x":1}}', '{', '[1,]', ''];
const ODD_TEXT = ["it''s", '[[x]', ']', '[', '{0}', 'a\nb', 'é\u00df', '\ud83d\ude00', '\ud800', '\u0000', '\\', '"', ' ', '', 'a/b/c', '%zz', 'QUJD', 'data:,a%20b'];
const UNKNOWN_FUNCTIONS = ['pickZones', 'listKeys', 'listSecrets', 'managementGroup', 'fooBar', 'utcnow', 'CONCAT'];
const NOISE = "()[],.'\"{}:;=+-*/\\ \t\n0123456789abcxyzAZ_$é\u00a0\u2028\u0000\ud83d\ude00";

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const FUNCTIONS = builtinFunctions.map((f) => ({ name: f.name, min: f.minArgs, max: f.maxArgs }));

/**
 * Builds ARM expressions from the function set: each production aims at a kind of value so that
 * most calls get arguments they accept and the evaluation goes past the first type check; a
 * fraction of calls take random arguments and arities to exercise the error paths.
 */
class ExpressionGenerator {
  /** Lambda parameters in scope, innermost last. */
  private readonly lambdaScope: string[] = [];

  constructor(
    private readonly rng: Random,
    private readonly vocabulary: Vocabulary,
    private readonly maxDepth: number,
  ) {}

  expr(kind: Kind, depth: number): string {
    const rng = this.rng;
    if (depth >= this.maxDepth || rng.chance(0.25)) return this.atom(kind);
    if (rng.chance(0.08)) return this.anyCall(depth);
    if (rng.chance(0.06)) kind = rng.pick(KINDS);
    const text = this.production(kind, depth);
    return rng.chance(0.1) ? this.access(text, depth) : text;
  }

  private space(): string {
    return this.rng.chance(0.9) ? '' : this.rng.pick([' ', '  ', '\t', '\n', '\u00a0']);
  }

  private call(name: string, args: readonly string[]): string {
    const s = () => this.space();
    const shown = this.rng.chance(0.05) ? name.toUpperCase() : name;
    return `${shown}${s()}(${s()}${args.join(`${s()},${s()}`)}${s()})`;
  }

  private int(): string {
    return String(
      this.rng.weighted<number>([
        [6, this.rng.int(-3, 12)],
        [2, this.rng.int(-1000, 1000)],
        [1, this.rng.pick([2147483647, 2147483648, 9007199254740991, -9007199254740991, 800, 801, 10000, 10001, 1048576])],
      ]),
    );
  }

  private string(): string {
    const rng = this.rng;
    return quote(
      rng.weighted<string>([
        [4, rng.pick(['a', 'abc', 'ABC', 'acr-prod', 'Premium', 'westeurope', 'x-y', 'true', 'false', '42', ' 7 '])],
        [2, rng.pick(ODD_TEXT)],
        [1, Array.from({ length: rng.int(0, 8) }, () => rng.pick([...NOISE])).join('')],
        [1, rng.pick(this.vocabulary.parameters.concat(this.vocabulary.variables))],
      ]),
    );
  }

  private atom(kind: Kind): string {
    const rng = this.rng;
    switch (kind) {
      case 'int':
        return this.int();
      case 'string':
        return this.string();
      case 'bool':
        return this.call(rng.pick(['true', 'false']), []);
      case 'array':
        return rng.chance(0.5) ? this.call('createArray', []) : this.call('parameters', [quote(rng.pick(this.vocabulary.parameters))]);
      case 'object':
        return rng.pick([this.call('createObject', []), this.call('resourceGroup', []), this.call('deployment', [])]);
      case 'any':
        if (this.lambdaScope.length > 0 && rng.chance(0.5)) return this.call('lambdaVariables', [quote(rng.pick(this.lambdaScope))]);
        return rng.pick([this.int(), this.string(), this.call('null', []), this.call('parameters', [quote(rng.pick(this.vocabulary.parameters))])]);
    }
  }

  /** `x.name` or `x[index]`, sometimes chained. */
  private access(target: string, depth: number): string {
    let text = target;
    for (let i = this.rng.int(1, 3); i > 0; i -= 1) {
      text = this.rng.chance(0.5)
        ? `${text}.${this.rng.pick(PROPERTY_NAMES)}`
        : `${text}[${this.rng.chance(0.5) ? this.int() : this.expr(this.rng.pick(['int', 'string']), depth + 1)}]`;
    }
    return text;
  }

  /** Any built-in function, user function or unknown function with random arguments and arity. */
  private anyCall(depth: number): string {
    const rng = this.rng;
    const vocabulary = this.vocabulary;
    const name = rng.weighted<string>([
      [8, rng.pick(FUNCTIONS).name],
      [1, rng.pick(UNKNOWN_FUNCTIONS)],
      [1, vocabulary.userFunctions.length > 0 ? rng.pick(vocabulary.userFunctions) : 'ns.f'],
    ]);
    const fn = FUNCTIONS.find((f) => f.name === name);
    const count = fn && rng.chance(0.8) ? rng.int(fn.min, Math.min(fn.max, fn.min + 3)) : rng.int(0, 4);
    return this.call(name, Array.from({ length: count }, () => this.expr('any', depth + 1)));
  }

  private lambda(parameters: number, body: Kind, depth: number): string {
    const names = Array.from({ length: parameters }, () => this.rng.pick(['x', 'i', 'acc', 'item', 'X']));
    this.lambdaScope.push(...names);
    try {
      return this.call('lambda', [...names.map(quote), this.expr(body, depth + 1)]);
    } finally {
      this.lambdaScope.splice(this.lambdaScope.length - names.length);
    }
  }

  private production(kind: Kind, depth: number): string {
    const rng = this.rng;
    const v = this.vocabulary;
    const e = (k: Kind) => this.expr(k, depth + 1);
    const c = (name: string, ...args: string[]) => this.call(name, args);
    const some = (k: Kind, min: number, max: number) => Array.from({ length: rng.int(min, max) }, () => e(k));
    switch (kind) {
      case 'string':
        return rng.pick([
          () => c('concat', ...some('string', 1, 4)),
          () => c('format', quote(rng.pick(FORMATS)), ...some('any', 0, 3)),
          () => c(rng.pick(['toLower', 'toUpper', 'trim', 'base64', 'uriComponent', 'dataUri', 'string']), e('string')),
          () => c(rng.pick(['base64ToString', 'dataUriToString', 'uriComponentToString']), rng.chance(0.5) ? e('string') : c(rng.pick(['base64', 'dataUri', 'uriComponent']), e('string'))),
          () => c('substring', e('string'), e('int'), ...(rng.chance(0.5) ? [e('int')] : [])),
          () => c('replace', e('string'), e('string'), e('string')),
          () => c(rng.pick(['uniqueString', 'guid']), ...some('string', 1, 3)),
          () => c('padLeft', e(rng.pick(['string', 'int'])), e('int'), ...(rng.chance(0.6) ? [quote(rng.pick(['0', '-', 'ab', '']))] : [])),
          () => c('join', e('array'), e('string')),
          () => c(rng.pick(['first', 'last']), e('string')),
          () => c(rng.pick(['take', 'skip']), e('string'), e('int')),
          () => c(rng.pick(['resourceId', 'subscriptionResourceId', 'tenantResourceId', 'managementGroupResourceId']), ...(rng.chance(0.3) ? [e('string')] : []), quote(rng.pick(RESOURCE_TYPES)), ...some('string', 0, 3)),
          () => c('extensionResourceId', e('string'), quote(rng.pick(RESOURCE_TYPES)), ...some('string', 1, 2)),
          () => c('uri', quote(rng.pick(['https://a.example/b/', 'not a uri', 'http://x'])), e('string')),
          () => c('utcNow', ...(rng.chance(0.5) ? [quote('u')] : [])),
          () => c('newGuid'),
          () => `${c(rng.pick(['resourceGroup', 'subscription', 'deployment', 'tenant', 'environment']))}.${rng.pick(PROPERTY_NAMES)}`,
          () => c('parameters', quote(rng.pick(v.parameters))),
          () => c('variables', quote(rng.pick(v.variables))),
          () => c('if', e('bool'), e('string'), e('string')),
          () => c('coalesce', ...some('any', 1, 3)),
        ])();
      case 'int':
        return rng.pick([
          () => c(rng.pick(['add', 'sub', 'mul', 'div', 'mod']), e('int'), e('int')),
          () => c(rng.pick(['min', 'max']), ...some(rng.pick(['int', 'array'] as const), 1, 3)),
          () => c('length', e(rng.pick(['string', 'array', 'object'] as const))),
          () => c('int', rng.chance(0.5) ? e('string') : quote(rng.pick(['12', '-3', ' 4 ', '1.5', '99999999999999999999', 'x']))),
          () => c(rng.pick(['indexOf', 'lastIndexOf']), e(rng.pick(['string', 'array'] as const)), e('any')),
          () => c('copyIndex', ...rng.pick([[], [e('int')], [quote(rng.pick(v.loops.concat(['missing'])))], [quote(rng.pick(v.loops.concat(['missing']))), e('int')]])),
          () => `${c('parameters', quote(rng.pick(v.parameters)))}[${e('int')}]`,
          () => c('json', quote(rng.pick(JSON_TEXTS))),
          () => c('if', e('bool'), e('int'), e('int')),
        ])();
      case 'bool':
        return rng.pick([
          () => c('not', e('bool')),
          () => c(rng.pick(['and', 'or']), ...some('bool', 2, 3)),
          () => c('equals', e('any'), e('any')),
          () => c(rng.pick(['less', 'lessOrEquals', 'greater', 'greaterOrEquals']), ...(rng.chance(0.5) ? [e('int'), e('int')] : [e('string'), e('string')])),
          () => c('contains', e(rng.pick(['string', 'array', 'object'] as const)), e('any')),
          () => c('empty', e(rng.pick(['string', 'array', 'object'] as const))),
          () => c(rng.pick(['startsWith', 'endsWith']), e('string'), e('string')),
          () => c('bool', rng.chance(0.5) ? e('any') : quote(rng.pick(['true', 'FALSE', 'yes']))),
          () => c('if', e('bool'), e('bool'), e('bool')),
        ])();
      case 'array':
        return rng.pick([
          () => c('createArray', ...some('any', 0, 4)),
          () => c('range', e('int'), rng.chance(0.7) ? String(rng.int(0, 20)) : e('int')),
          () => c('split', e('string'), rng.chance(0.7) ? e('string') : e('array')),
          () => c(rng.pick(['concat', 'union']), ...some('array', 1, 3)),
          () => c('intersection', ...some('array', 2, 3)),
          () => c(rng.pick(['take', 'skip']), e('array'), e('int')),
          () => c('map', e('array'), this.lambda(rng.int(1, 2), 'any', depth)),
          () => c('filter', e('array'), this.lambda(rng.int(1, 2), 'bool', depth)),
          () => c('sort', e('array'), this.lambda(2, 'bool', depth)),
          () => c(rng.pick(['items', 'objectKeys']), e('object')),
          () => c('flatten', c('createArray', ...some('array', 0, 3))),
          () => c('array', e('any')),
          () => c('json', quote(rng.pick(JSON_TEXTS.filter((t) => t.startsWith('['))))),
          () => c('references', quote(rng.pick(v.references))),
          () => c('reduce', e('array'), e('any'), this.lambda(rng.int(2, 3), 'any', depth)),
        ])();
      case 'object':
        return rng.pick([
          () => c('createObject', ...Array.from({ length: rng.int(0, 3) }, () => [this.string(), e('any')]).flat()),
          () => c('json', quote(rng.pick(JSON_TEXTS.filter((t) => t.startsWith('{'))))),
          () => c(rng.pick(['union', 'intersection']), ...some('object', 2, 3)),
          () => c('shallowMerge', c('createArray', ...some('object', 0, 3))),
          () => c('toObject', e('array'), this.lambda(1, 'string', depth), ...(rng.chance(0.5) ? [this.lambda(1, 'any', depth)] : [])),
          () => c('groupBy', e('array'), this.lambda(1, 'string', depth)),
          () => c('mapValues', e('object'), this.lambda(1, 'any', depth)),
          () => c(rng.pick(['resourceGroup', 'subscription', 'deployment', 'tenant', 'environment'])),
          () => c('reference', quote(rng.pick(v.references)), ...(rng.chance(0.3) ? [quote('2023-07-01')] : []), ...(rng.chance(0.2) ? [quote(rng.pick(['Full', 'full', 'Partial']))] : [])),
          () => `${c('reference', quote(rng.pick(v.references)))}.${rng.pick(PROPERTY_NAMES)}`,
          () => c('tryGet', e('object'), ...some('string', 1, 2)),
          () => c('parameters', quote(rng.pick(v.parameters))),
          () => c('variables', quote(rng.pick(v.variables))),
        ])();
      case 'any':
        return rng.pick([
          () => this.production(rng.pick(['string', 'int', 'bool', 'array', 'object']), depth),
          () => this.anyCall(depth),
          () => (v.userFunctions.length > 0 ? c(rng.pick(v.userFunctions), ...some('any', 0, 2)) : c('ns.f')),
          () => c('any', e('any')),
          () => c(rng.pick(['first', 'last']), e('array')),
          () => `${e('array')}[${e('int')}]`,
          () => c('lambda', ...(rng.chance(0.5) ? [quote('x')] : []), e('any')),
        ])();
    }
  }
}

/** Ways to consume a large or deep value. */
const WRAPPERS: readonly ((inner: string) => string)[] = [
  (x) => `string(${x})`,
  (x) => `length(${x})`,
  (x) => `json(string(${x}))`,
  (x) => `union(${x}, ${x})`,
  (x) => `equals(${x}, createArray())`,
  (x) => `contains(createArray(${x}), 1)`,
  (x) => x,
];

/** Shapes that stress a bound: deep nesting, large loops, long strings, self-reference. */
function stressExpression(rng: Random, vocabulary: Vocabulary): string {
  const n = rng.pick([10, 150, 199, 200, 201, 260, 1000, 5000, 10000]);
  const variable = quote(rng.pick(vocabulary.variables));
  return rng.pick([
    () => `${'concat('.repeat(Math.min(n, 400))}'a'${')'.repeat(Math.min(n, 400))}`,
    () => `createArray(1)${'[0]'.repeat(Math.min(n, 400))}`,
    () => `json('{}')${'.a'.repeat(Math.min(n, 400))}`,
    () => `${'createArray('.repeat(Math.min(n, 400))}${')'.repeat(Math.min(n, 400))}`,
    () => rng.pick(WRAPPERS)(`reduce(range(0, ${n}), createArray(), lambda('a', 'i', createArray(lambdaVariables('a'))))`),
    () => `equals(reduce(range(0, ${n}), createObject(), lambda('a', 'i', createObject('k', lambdaVariables('a')))), createObject())`,
    () => `length(map(range(0, ${n}), lambda('i', range(0, ${n}))))`,
    () => `length(string(map(range(0, ${Math.min(n, 2000)}), lambda('i', padLeft('', ${rng.pick([10, 1000, 600000])}, 'x')))))`,
    () => `concat(padLeft('', ${rng.pick([524288, 600000, 1048576])}, 'a'), padLeft('', ${rng.pick([1, 524288, 600000])}, 'b'))`,
    () => `format('${rng.pick(['{0:D', '{0:X', '{0,'])}${rng.pick(['99999999', '9999999999', '1048577', '-1048577'])}}', 1)`,
    () => `padLeft('x', ${rng.pick([1048576, 1048577, 9007199254740991, -5])}, '0')`,
    () => `replace(padLeft('', ${rng.pick([1000, 600000])}, 'a'), 'a', '${'b'.repeat(rng.pick([1, 2, 3]))}')`,
    () => `split(padLeft('', ${rng.pick([1000, 100000])}, 'a'), '')`,
    () => `variables(${variable})`,
    () => `string(lambda('x', ${rng.pick(["div(1, 0)", "lambdaVariables('y')", "variables('selfish')", "lambdaVariables('x')"])}))`,
    () => `equals(lambda('x', lambdaVariables('x')), lambda('y', ${rng.pick(["lambdaVariables('y')", 'div(1, 0)'])}))`,
    () => `sort(range(0, ${Math.min(n, 10000)}), lambda('a', 'b', less(lambdaVariables('b'), lambdaVariables('a'))))`,
    () => `intersection(range(0, ${Math.min(n, 10000)}), range(0, ${Math.min(n, 10000)}))`,
    () => `union(json('${'{"a":'.repeat(Math.min(n, 250))}1${'}'.repeat(Math.min(n, 250))}'), json('${'{"a":'.repeat(Math.min(n, 250))}2${'}'.repeat(Math.min(n, 250))}'))`,
  ])();
}

/** Character-level damage: deletes, inserts, duplicates or cuts. */
function corrupt(rng: Random, text: string): string {
  let result = text;
  for (let i = rng.int(1, 3); i > 0; i -= 1) {
    const at = rng.int(0, result.length);
    result = rng.pick([
      () => result.slice(0, at) + result.slice(at + 1),
      () => result.slice(0, at) + rng.pick([...NOISE]) + result.slice(at),
      () => result.slice(0, at) + result.slice(at, at + rng.int(1, 10)).repeat(2) + result.slice(at + 10),
      () => result.slice(0, at),
    ])();
  }
  return result;
}

function noise(rng: Random): string {
  return Array.from({ length: rng.int(0, 40) }, () => rng.pick([...NOISE])).join('');
}

/** The text of one random expression (without the surrounding brackets of a template string). */
export function randomExpression(rng: Random, vocabulary: Vocabulary): string {
  const kind = rng.weighted<'grammar' | 'corrupted' | 'stress' | 'noise'>([
    [70, 'grammar'],
    [14, 'corrupted'],
    [8, 'stress'],
    [8, 'noise'],
  ]);
  if (kind === 'stress') return stressExpression(rng, vocabulary);
  if (kind === 'noise') return noise(rng);
  const text = new ExpressionGenerator(rng, vocabulary, rng.int(1, 6)).expr(rng.pick(KINDS), 0);
  return kind === 'corrupted' ? corrupt(rng, text) : text;
}
