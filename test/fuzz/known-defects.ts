import type { Violation } from './checks';

// Defects in src/ that the fuzz test found. A defect not fixed yet goes in KNOWN_DEFECTS with the
// smallest input that shows it and a matcher (by where it threw, or for time and memory by the
// shape of the input), so that fuzz cases showing it are counted under its id instead of failing
// the run. Once fixed, it moves to FIXED_DEFECTS, whose inputs fuzz.test.ts runs as regressions.

export type Repro = { kind: 'template'; text: string } | { kind: 'expression'; text: string };

export interface KnownDefect {
  id: string;
  /** Where it is (file, function) and what goes wrong. */
  summary: string;
  repros: readonly Repro[];
  /** Whether one violation of a case with this input is this defect. */
  matches(violation: Violation, input: string): boolean;
}

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const REGISTRY = { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01' };

const expression = (text: string): Repro => ({ kind: 'expression', text });
const template = (body: Record<string, unknown>): Repro => ({ kind: 'template', text: JSON.stringify({ $schema: SCHEMA, ...body }, null, 2) });

/** An inline module deployed `count` times by a copy loop. */
const moduleLoop = (name: string, count: number, properties: Record<string, unknown>) => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name,
  copy: { name: 'm', count },
  properties: { mode: 'Incremental', ...properties },
});

/** A failing diagnostic setting (only one of the two categories), on the registry 'acr'. */
const loginsOnly = (name: string) => ({
  type: 'Microsoft.Insights/diagnosticSettings',
  apiVersion: '2021-05-01-preview',
  scope: "[resourceId('Microsoft.ContainerRegistry/registries', 'acr')]",
  name,
  properties: { workspaceId: '/subscriptions/0/x', logs: [{ category: 'ContainerRegistryLoginEvents', enabled: true }] },
});

/**
 * Defects not fixed yet: fuzz cases that show one are counted under its id, not failed, and
 * fuzz.test.ts runs each smallest input as an `it.failing` test, which a fix turns red: then
 * move the entry to FIXED_DEFECTS. None is known now.
 */
export const KNOWN_DEFECTS: readonly KnownDefect[] = [];

/**
 * Defects the fuzz test found and that are fixed: their smallest inputs stay as regression cases.
 * (Found and fixed earlier in the same change: format widths, lone surrogates in uriComponent,
 * json('1e400'), work built by functions, null sections, objects without a prototype, user
 * function shapes, a failing lambda keyed outside an evaluation, JSON nested past 1,500 levels.)
 */
export const FIXED_DEFECTS: readonly Omit<KnownDefect, 'matches'>[] = [
  {
    id: 'condition-note-unbounded',
    summary:
      "src/template/expand/conditions.ts toCondition writes the whole of a condition that is not a bool into the origin's note (JSON.stringify(value), not clipped as phrase() clips) and into the unknown's key, and Azure.ACR.Logs quotes that note in each registry's message: a 1,000,000-character condition on a registry in a copy loop of 800 gives 800 findings of about 1 MB each (800 MB of message text: 3 s on the main thread, and the fuzz worker, limited to a 1 GB heap, runs out of memory); the fuzz run met it as a 2.4 MB parameter value used as a condition",
    repros: [template({ resources: [{ ...REGISTRY, name: 'acr', condition: 'a'.repeat(1_000_000), copy: { name: 'r', count: 800 } }] })],
  },
  {
    id: 'module-reference-recursion',
    summary:
      "src/template/expand/expand-template.ts moduleReference: reference() of a target that is not a module expands every module not expanded yet, and a looped module whose own body calls reference() re-enters it for its next instance, one level of recursion per loop index: a module copy loop whose parameters hold [reference('x')] throws RangeError 'Maximum call stack size exceeded' out of analyzeArmTemplate from about 300 instances on (800, ARM's limit, in the repro)",
    repros: [
      template({
        resources: [
          moduleLoop("[format('m{0}', copyIndex())]", 800, { parameters: { p: { value: "[reference('x')]" } }, template: { $schema: SCHEMA, resources: [] } }),
        ],
      }),
    ],
  },
  {
    id: 'coverage-union-quadratic',
    summary:
      'src/rules/acr/coverage.ts registryCoverage and union: the coverage of a registry is folded over its settings with union(), which copies the settings list each time ([...a.settings, ...b.settings]): O(settings^2) for one registry. One registry with 32,000 settings of one name (a module looped 40 times, each with a setting in a copy loop of 800) takes 11 s; 16,000 take 2.3 s',
    repros: [
      template({
        resources: [
          { ...REGISTRY, name: 'acr' },
          moduleLoop('m', 40, {
              expressionEvaluationOptions: { scope: 'inner' },
              template: {
                $schema: SCHEMA,
                resources: [
                  {
                    type: 'Microsoft.Insights/diagnosticSettings',
                    apiVersion: '2021-05-01-preview',
                    scope: "[resourceId('Microsoft.ContainerRegistry/registries', 'acr')]",
                    name: 'audit',
                    copy: { name: 's', count: 800 },
                    properties: {
                      workspaceId: '/subscriptions/0/x',
                      logs: [
                        { category: 'ContainerRegistryLoginEvents', enabled: true },
                        { category: 'ContainerRegistryRepositoryEvents', enabled: true },
                      ],
                    },
                  },
                ],
              },
            }),
        ],
      }),
    ],
  },
  {
    id: 'acr-logs-shared-id-quadratic',
    summary:
      'src/rules/azure-acr-logs.ts and src/rules/acr/coverage.ts, src/analyze/run-rules.ts ruleFindings: registry instances that share an ID (one declared in a module deployed in a loop, or names picked from a short list) each judge every diagnostic setting on that ID, merging its origins (mergeOrigins keys each origin with JSON.stringify), and each lists all of them as related locations: O(registries x settings). 800 module instances of one registry with 3 settings give 800 findings with 2,400 related locations each (2.2 s); with 8 settings, 6.4 million related locations (7 s, 1.7 GB)',
    repros: [
      template({
        resources: [
          moduleLoop("[format('m{0}', copyIndex())]", 800, {
            expressionEvaluationOptions: { scope: 'inner' },
            template: { $schema: SCHEMA, resources: [{ ...REGISTRY, name: 'acr' }, ...[...'abcdefgh'].map(loginsOnly)] },
          }),
        ],
      }),
    ],
  },
  {
    id: 'budget-per-evaluation',
    summary:
      "src/template/expressions/budget.ts: the step budget (MAX_EVALUATION_STEPS) starts again with each top-level evaluation, and nothing bounds the total over a template, so an expression that stays just under it, evaluated once per instance of a copy loop (up to 800, and more in modules), takes minutes: 100 copies of a tag [length(map(range(0, 10000), lambda('i', range(0, 150))))] take 12 s",
    repros: [
      template({
        resources: [{ ...REGISTRY, name: "[format('acr{0}', copyIndex())]", copy: { name: 'r', count: 100 }, tags: { t: "[length(map(range(0, 10000), lambda('i', range(0, 150))))]" } }],
      }),
    ],
  },
  {
    id: 'deep-value-walk',
    summary:
      "reduce() with a lambda builds values nested deeper than any bound by iterating, and the recursive walks over Values in src/template/expressions/symbolic.ts (toJsonOrUndefined, containsSymbolic, keyOf, ...) and stringify.ts (armString's JSON.stringify) then overflow the stack: RangeError 'Maximum call stack size exceeded' from string(), union(), an unknown function's key, or a template property using them (about 4,000 levels on the main thread)",
    repros: [
      expression("string(reduce(range(0, 5000), createArray(), lambda('a', 'i', createArray(lambdaVariables('a')))))"),
      template({ resources: [{ ...REGISTRY, name: 'acr', tags: { t: "[string(reduce(range(0, 5000), createArray(), lambda('a', 'i', createArray(lambdaVariables('a')))))]" } }] }),
    ],
  },
  {
    id: 'property-copy-name',
    summary:
      "src/template/expand/property-copy.ts isCopySpecList takes a property copy loop whose 'name' is not a string: src/template/expand/template-context.ts copyIndex then calls name.toLowerCase() on it (TypeError 'l.name.toLowerCase is not a function'), and evaluateCount (in a message) and evaluateWithCopies (as a key) convert it to a string, where an object name, which jsonc-parser makes without a prototype, throws TypeError 'Cannot convert object to primitive value'",
    repros: [
      template({ resources: [{ ...REGISTRY, name: 'acr', properties: { copy: [{ name: 5, count: 1, input: "[copyIndex('x')]" }] } }] }),
      template({ resources: [{ ...REGISTRY, name: 'acr', properties: { copy: [{ name: {}, count: -1, input: 1 }] } }] }),
    ],
  },
  {
    id: 'section-not-object',
    summary:
      "src/template/expand/template-context.ts lookup -> src/template/expressions/arguments.ts findKey reads a 'parameters' or 'variables' section that is a string or an array as an object: Object.keys of a 2,200,000-character string section takes about a second per parameters() call (and variables('1') of [\"x\", \"y\"] is 'y', where ARM has no such variable)",
    repros: [
      template({
        parameters: 'a'.repeat(2_200_000),
        resources: [...'abcdefgh'].map((n) => ({ ...REGISTRY, name: `[parameters('${n}')]` })),
      }),
    ],
  },
  {
    id: 'variable-copy-name',
    summary:
      "src/template/expand/template-context.ts variableCopy: String(l.name) of a variable copy loop whose name is an object (which jsonc-parser makes without a prototype) throws TypeError 'Cannot convert object to primitive value' on any variables() read",
    repros: [template({ variables: { copy: [{ name: {}, count: 1, input: 1 }] }, resources: [{ ...REGISTRY, name: "[variables('v')]" }] })],
  },
];

/** The known defect a violation shows, if any. */
export function knownDefectOf(violation: Violation, input: string): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((d) => d.matches(violation, input));
}
