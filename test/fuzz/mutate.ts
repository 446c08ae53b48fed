import type { RuleSetting } from '../../src/config/load-config';
import type { JsonValue } from '../../src/template/expressions/value';
import { MAX_JSON_DEPTH } from '../../src/template/parse-json';
import { randomExpression, type Vocabulary } from './expression-generator';
import type { Random } from './random';

type JsonObject = { [key: string]: JsonValue };
type JsonPath = (string | number)[];

/** One mutated template: the text to write and what to analyse it with. */
export interface TemplateMutant {
  text: string;
  /** What was done to the fixture, in order, for the failure message. */
  mutations: string[];
  parameters: [string, JsonValue][];
  ruleSettings: [string, RuleSetting][];
}

const SPECIAL_KEYS = ['copy', 'condition', 'dependsOn', 'scope', 'existing', 'type', 'apiVersion', 'properties', 'resources', 'name', 'parent', 'outputs', 'template', '$schema', '__proto__', 'constructor', 'Copy', 'NAME', ''];
const COPY_COUNTS: readonly JsonValue[] = [-1, 0, 1, 2, 800, 801, 900, 1.5, '5', '', null, true, [], {}, '[copyIndex()]', "[parameters('missing')]", '[div(1, 0)]', '[range(0, 3)]', '[json(\'1e400\')]'];
const EXPRESSIONS = ["[concat('a', 'b')]", "[parameters('x')]", '[copyIndex()]', "[reference('a').b]", "[variables('v')]", '[ns.f(1)]', '[[literal]', '[', '[]', ']', '[ ]', '[createArray(]'];

const isObject = (value: JsonValue | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

function clone(value: JsonValue): JsonValue {
  return structuredClone(value);
}

function show(path: JsonPath): string {
  return `$${path.map((s) => (typeof s === 'number' ? `[${s}]` : `[${JSON.stringify(s)}]`)).join('')}`;
}

function clip(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 160)}... (${text.length} characters)` : text;
}

function get(root: JsonValue, path: JsonPath): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isObject(node) && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

function set(root: JsonValue, path: JsonPath, value: JsonValue): void {
  const parent = get(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isObject(parent)) Object.defineProperty(parent, String(last), { value, enumerable: true, writable: true, configurable: true });
}

/** Every path in the document below the root, breadth-first, at most `limit` of them. */
function paths(root: JsonValue, limit = 4000): JsonPath[] {
  const found: JsonPath[] = [];
  const queue: JsonPath[] = [[]];
  while (queue.length > 0 && found.length < limit) {
    const path = queue.shift()!;
    const node = get(root, path);
    const children: JsonPath[] = Array.isArray(node)
      ? node.map((_, i) => [...path, i])
      : isObject(node)
        ? Object.keys(node).map((key) => [...path, key])
        : [];
    found.push(...children);
    queue.push(...children);
  }
  return found.slice(0, limit);
}

/** Resource declarations: `resources.<name>` (symbolic names) or `resources[i]` and their classic children. */
function resourcePaths(root: JsonValue): JsonPath[] {
  return paths(root).filter((p) => p.length >= 2 && p[p.length - 2] === 'resources' && isObject(get(root, p)));
}

/** The names a mutated template's expressions can refer to. */
export function vocabularyOf(template: JsonValue): Vocabulary {
  const section = (name: string) => (isObject(template) && isObject(template[name]) ? Object.keys(template[name] as JsonObject) : []);
  const loops = paths(template)
    .filter((p) => p[p.length - 1] === 'copy')
    .map((p) => get(template, [...p, 'name']))
    .filter((n): n is string => typeof n === 'string');
  const functions = isObject(template) && Array.isArray(template.functions) ? template.functions : [];
  const userFunctions = functions.flatMap((ns) =>
    isObject(ns) && typeof ns.namespace === 'string' && isObject(ns.members) ? Object.keys(ns.members).map((m) => `${ns.namespace as string}.${m}`) : [],
  );
  const symbols = resourcePaths(template).map((p) => String(p[p.length - 1]));
  return {
    parameters: [...section('parameters'), 'missing'],
    variables: [...section('variables'), 'missing'],
    loops: [...loops, 'missing'],
    userFunctions: [...userFunctions, 'ns.f', 'ns.missing'],
    references: [...symbols, 'Microsoft.ContainerRegistry/registries/acr', 'missing'],
  };
}

function randomString(rng: Random): string {
  return rng.weighted<string>([
    [4, rng.pick(['acr', 'audit', 'x', 'Premium', 'Microsoft.ContainerRegistry/registries', 'Microsoft.Insights/diagnosticSettings', 'a/b', 'allLogs', 'audit', '2021-05-01-preview'])],
    [2, Array.from({ length: rng.int(0, 12) }, () => String.fromCharCode(rng.int(0, 0x2fff))).join('')],
    [1, rng.pick(['\ud800', '\u0000', '\\', '"', '\n', 'é', 'ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents'])],
  ]);
}

function longString(rng: Random): string {
  const length = rng.pick([10_000, 100_000, 1_100_000]);
  const filler = 'a'.repeat(length);
  return rng.pick([filler, `[concat('${filler}', '${filler}')]`, `[${'concat('.repeat(250)}'a'${')'.repeat(250)}]`]);
}

/** The text of arrays or objects nested `levels` deep around a leaf (built as text: the tree would be too deep to walk). */
function nestedText(levels: number, arrays: boolean, leaf: JsonValue): string {
  const [open, close] = arrays ? ['[', ']'] : ['{"a":', '}'];
  return `${open.repeat(levels)}${JSON.stringify(leaf)}${close.repeat(levels)}`;
}

/** A random JSON value; `depth` bounds how deeply it nests. */
export function randomValue(rng: Random, vocabulary: Vocabulary, depth = 0): JsonValue {
  const choices: (readonly [number, () => JsonValue])[] = [
    [2, () => null],
    [2, () => rng.chance(0.5)],
    [3, () => rng.pick([0, -1, 1, 3, 800, 801, 1.5, -0.5, 1e21, 2 ** 53 + 2, -(2 ** 31), 1e308])],
    [3, () => randomString(rng)],
    [3, () => rng.pick(EXPRESSIONS)],
    [5, () => `[${randomExpression(rng, vocabulary)}]`],
    [1, () => longString(rng)],
  ];
  if (depth < 3) {
    choices.push([2, () => Array.from({ length: rng.int(0, 4) }, () => randomValue(rng, vocabulary, depth + 1))]);
    choices.push([
      2,
      () => Object.fromEntries(Array.from({ length: rng.int(0, 4) }, () => [rng.chance(0.5) ? rng.pick(SPECIAL_KEYS) : randomString(rng), randomValue(rng, vocabulary, depth + 1)])),
    ]);
  }
  return rng.weighted(choices)();
}

function randomCopy(rng: Random, vocabulary: Vocabulary): JsonObject {
  const count = rng.chance(0.5) ? rng.int(-1, 900) : rng.chance(0.7) ? rng.pick(COPY_COUNTS) : randomValue(rng, vocabulary);
  const name = rng.chance(0.9) ? rng.pick(['loop', 'registries', ...vocabulary.loops]) : randomValue(rng, vocabulary);
  return { name, count, ...(rng.chance(0.2) ? { mode: 'serial', batchSize: rng.int(-1, 3) } : {}) };
}

/** A user-defined function section; members sometimes malformed. */
function randomFunctions(rng: Random, vocabulary: Vocabulary): JsonValue {
  const member = (): JsonValue =>
    rng.chance(0.8)
      ? {
          parameters: rng.chance(0.8) ? [{ name: 'p', type: 'int' }] : randomValue(rng, vocabulary),
          output: { type: 'any', value: rng.chance(0.5) ? "[parameters('p')]" : randomValue(rng, vocabulary) },
        }
      : randomValue(rng, vocabulary);
  const section = [{ namespace: 'ns', members: { f: member(), g: { output: { type: 'int', value: '[ns.g()]' } } } }];
  return rng.chance(0.85) ? section : randomValue(rng, vocabulary);
}

const DEPLOYMENT_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** The template as an inline module of a new entry template. */
function asModule(rng: Random, template: JsonValue, vocabulary: Vocabulary): JsonValue {
  const parameters = Object.fromEntries(vocabulary.parameters.slice(0, 3).map((name) => [name, rng.chance(0.8) ? { value: randomValue(rng, vocabulary) } : randomValue(rng, vocabulary)]));
  const module: JsonObject = {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: rng.pick(['inner', '[format(\'inner-{0}\', copyIndex())]', "[parameters('missing')]"]),
    properties: {
      expressionEvaluationOptions: { scope: rng.pick(['inner', 'outer', 'INNER', 5]) },
      mode: 'Incremental',
      parameters,
      template,
    },
  };
  if (rng.chance(0.3)) module.copy = randomCopy(rng, vocabulary);
  return rng.chance(0.5)
    ? { $schema: DEPLOYMENT_SCHEMA, languageVersion: '2.0', contentVersion: '1.0.0.0', resources: { inner: module } }
    : { $schema: DEPLOYMENT_SCHEMA, contentVersion: '1.0.0.0', resources: [module] };
}

/** Applies one random mutation to `root` in place (or returns a new root) and says what it did. */
function mutateOnce(rng: Random, root: JsonValue, vocabulary: Vocabulary, raw: Map<string, string>): { root: JsonValue; did: string } {
  const all = paths(root);
  const keyed = all.filter((p) => typeof p[p.length - 1] === 'string');
  const objects = [[] as JsonPath, ...all].filter((p) => isObject(get(root, p)));
  const arrays = all.filter((p) => Array.isArray(get(root, p)) && (get(root, p) as JsonValue[]).length > 0);
  const resources = resourcePaths(root);
  const kind = rng.weighted<string>([
    [3, 'delete'],
    [5, 'replace'],
    [2, 'duplicate-element'],
    [2, 'swap'],
    [3, 'rename'],
    [3, 'copy'],
    [1, 'duplicate-key'],
    [1, 'deep'],
    [4, 'expression'],
    [2, 'section'],
    [1, 'module'],
  ]);
  switch (kind) {
    case 'delete': {
      if (all.length === 0) break;
      const path = rng.pick(all);
      const parent = get(root, path.slice(0, -1));
      const last = path[path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else if (isObject(parent)) delete parent[last as string];
      return { root, did: `delete ${show(path)}` };
    }
    case 'replace': {
      if (all.length === 0) break;
      const path = rng.pick(all);
      const value = randomValue(rng, vocabulary);
      set(root, path, value);
      return { root, did: `replace ${show(path)} with ${clip(value)}` };
    }
    case 'duplicate-element': {
      if (arrays.length === 0) break;
      const path = rng.pick(arrays);
      const items = get(root, path) as JsonValue[];
      const from = rng.int(0, items.length - 1);
      const to = rng.int(0, items.length);
      items.splice(to, 0, clone(items[from]!));
      return { root, did: `duplicate ${show([...path, from])} at index ${to}` };
    }
    case 'swap': {
      if (all.length < 2) break;
      const a = rng.pick(all);
      const b = rng.pick(all);
      const within = (x: JsonPath, y: JsonPath) => x.length <= y.length && x.every((s, i) => s === y[i]);
      if (within(a, b) || within(b, a)) break;
      const [va, vb] = [clone(get(root, a)!), clone(get(root, b)!)];
      set(root, a, vb);
      set(root, b, va);
      return { root, did: `swap ${show(a)} and ${show(b)}` };
    }
    case 'rename': {
      if (keyed.length === 0) break;
      const path = rng.pick(keyed);
      const parent = get(root, path.slice(0, -1)) as JsonObject;
      const from = path[path.length - 1] as string;
      const to = rng.chance(0.8) ? rng.pick(SPECIAL_KEYS) : randomString(rng);
      const entries = Object.entries(parent).map(([k, v]): [string, JsonValue] => [k === from ? to : k, v]);
      for (const k of Object.keys(parent)) delete parent[k];
      for (const [k, v] of entries) Object.defineProperty(parent, k, { value: v, enumerable: true, writable: true, configurable: true });
      return { root, did: `rename ${show(path)} to ${JSON.stringify(to)}` };
    }
    case 'copy': {
      const copy = randomCopy(rng, vocabulary);
      const where = rng.weighted<string>([
        [4, 'resource'],
        [2, 'property'],
        [1, 'variable'],
        [1, 'output'],
        [1, 'anywhere'],
      ]);
      if (where === 'resource' && resources.length > 0) {
        const path = rng.pick(resources);
        (get(root, path) as JsonObject).copy = copy;
        return { root, did: `set ${show([...path, 'copy'])} to ${clip(copy)}` };
      }
      const input = rng.chance(0.7) ? "[copyIndex('loop')]" : randomValue(rng, vocabulary);
      const spec = { ...copy, input };
      if (where === 'property' && resources.length > 0) {
        const path = [...rng.pick(resources), 'properties'];
        const properties = get(root, path);
        if (!isObject(properties)) break;
        properties.copy = [spec];
        return { root, did: `set ${show([...path, 'copy'])} to ${clip([spec])}` };
      }
      if (where === 'variable' && isObject(root)) {
        const variables = isObject(root.variables) ? root.variables : (root.variables = {});
        variables.copy = [spec];
        return { root, did: `set $.variables.copy to ${clip([spec])}` };
      }
      if (where === 'output' && isObject(root)) {
        const outputs = isObject(root.outputs) ? root.outputs : (root.outputs = {});
        outputs.looped = { type: 'array', copy: { count: copy.count, input } };
        return { root, did: `set $.outputs.looped to ${clip(outputs.looped)}` };
      }
      if (objects.length === 0) break;
      const path = rng.pick(objects);
      (get(root, path) as JsonObject).copy = rng.chance(0.5) ? copy : [spec];
      return { root, did: `set ${show([...path, 'copy'])} to ${clip(get(root, [...path, 'copy']))}` };
    }
    case 'duplicate-key': {
      if (keyed.length === 0) break;
      const path = rng.pick(keyed);
      const parent = get(root, path.slice(0, -1)) as JsonObject;
      const placeholder = `\u0001fuzz-raw-${raw.size}\u0001`;
      raw.set(placeholder, JSON.stringify(path[path.length - 1]));
      const value = rng.chance(0.5) ? randomValue(rng, vocabulary) : clone(parent[path[path.length - 1] as string]!);
      parent[placeholder] = value;
      return { root, did: `add a second member ${show(path)} with ${clip(value)}` };
    }
    case 'deep': {
      const path = all.length > 0 ? rng.pick(all) : [];
      // Around the limit of MAX_JSON_DEPTH where it is inserted (a value at a path of n segments is inside n containers).
      const levels = rng.pick([50, 199, 200, 201, 260, 1000, MAX_JSON_DEPTH - path.length - 1, MAX_JSON_DEPTH - path.length, MAX_JSON_DEPTH - path.length + 1, 20000]);
      const leaf = rng.chance(0.5) ? '[concat(\'a\', \'b\')]' : 1;
      const arrays = rng.chance(0.7);
      const placeholder = `\u0001fuzz-raw-${raw.size}\u0001`;
      raw.set(placeholder, nestedText(levels, arrays, leaf));
      const what = `${levels} levels of nested ${arrays ? 'arrays' : 'objects'} around ${JSON.stringify(leaf)}`;
      if (path.length === 0) return { root: placeholder, did: `replace the document with ${what}` };
      set(root, path, placeholder);
      return { root, did: `replace ${show(path)} with ${what}` };
    }
    case 'expression': {
      const strings = all.filter((p) => typeof get(root, p) === 'string');
      const path = strings.length > 0 && rng.chance(0.8) ? rng.pick(strings) : all.length > 0 ? rng.pick(all) : undefined;
      if (!path) break;
      const value = `[${randomExpression(rng, vocabulary)}]`;
      set(root, path, value);
      return { root, did: `replace ${show(path)} with ${clip(value)}` };
    }
    case 'section': {
      if (!isObject(root)) break;
      const section = rng.pick(['functions', 'variables', 'parameters', 'outputs']);
      const value: JsonValue =
        section === 'functions'
          ? randomFunctions(rng, vocabulary)
          : section === 'parameters'
            ? { [rng.pick(['x', 'names', 'p'])]: { type: rng.pick(['string', 'int', 'array', 'object', 'bool', 'securestring', 'nonsense']), ...(rng.chance(0.6) ? { defaultValue: randomValue(rng, vocabulary) } : {}), ...(rng.chance(0.2) ? { nullable: true } : {}) } }
            : section === 'variables'
              ? { v: randomValue(rng, vocabulary), w: "[variables('v')]", self: "[variables('self')]" }
              : { o: { type: 'string', value: randomValue(rng, vocabulary) } };
      const existing = root[section];
      root[section] = isObject(existing) && isObject(value) ? { ...existing, ...value } : value;
      return { root, did: `set $.${section} to ${clip(root[section])}` };
    }
    case 'module':
      return { root: asModule(rng, root, vocabulary), did: 'wrap the template as an inline module of a new template' };
  }
  return { root, did: `(${kind}: nothing to apply it to)` };
}

function randomParameters(rng: Random, vocabulary: Vocabulary): [string, JsonValue][] {
  const parameters: [string, JsonValue][] = [];
  for (const name of vocabulary.parameters) {
    if (rng.chance(0.3)) parameters.push([rng.chance(0.1) ? name.toUpperCase() : name, randomValue(rng, vocabulary)]);
  }
  if (rng.chance(0.2)) parameters.push([rng.pick(['unknown', '', '__proto__']), randomValue(rng, vocabulary)]);
  return parameters;
}

function randomRuleSettings(rng: Random): [string, RuleSetting][] {
  if (rng.chance(0.7)) return [];
  return [[rng.pick(['Azure.ACR.Logs', 'azure.acr.logs', 'No.Such.Rule']), rng.pick<RuleSetting>(['off', 'error', 'warning', 'note'])]];
}

/** 1–4 random mutations of a fixture, sometimes cut short at a random offset. */
export function mutateTemplate(rng: Random, fixture: JsonValue): TemplateMutant {
  let root = clone(fixture);
  const vocabulary = vocabularyOf(root);
  // Placeholders (as JSON strings) replaced by raw text after serialising: a second member of
  // the same name, or nesting too deep to build as a tree.
  const raw = new Map<string, string>();
  const mutations: string[] = [];
  for (let i = rng.int(1, 4); i > 0; i -= 1) {
    const step = mutateOnce(rng, root, vocabulary, raw);
    root = step.root;
    mutations.push(step.did);
  }
  let text = JSON.stringify(root, null, rng.pick([0, 2, '\t']));
  for (const [placeholder, replacement] of raw) text = text.split(JSON.stringify(placeholder)).join(replacement);
  if (rng.chance(0.1)) {
    const at = rng.int(0, text.length);
    text = text.slice(0, at);
    mutations.push(`cut the text after ${at} characters`);
  }
  return { text, mutations, parameters: randomParameters(rng, vocabulary), ruleSettings: randomRuleSettings(rng) };
}
