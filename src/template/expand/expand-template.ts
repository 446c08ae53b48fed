import { withTemplateBudget } from '../expressions/budget';
import { ExpressionError } from '../expressions/errors';
import { evaluateTemplateValue } from '../expressions/evaluate';
import { containsSymbolic, isSymbolic, isValueObject, opaque, originsOf, text, unevaluatedValue } from '../expressions/symbolic';
import type { Symbolic, Value, ValueObject } from '../expressions/value';
import type { SourceSpan } from '../location';
import { isWithinPath, spanAtPath, type ParsedJson } from '../parse-json';
import { validateAgainstSchema } from '../validate';
import { bothConditions, toCondition } from './conditions';
import { deploymentLocation, entryScope, otherResourceGroupLocation, schemaScopeKind, type DeploymentContext, type DeploymentScope } from './deployment-scope';
import type { Condition, Deployment, DeploymentLink, Expansion, ExpansionProblem, FalseCondition, ResourceInstance, ValueRead } from './instance';
import { evaluateCount, evaluateWithCopies, expandOutputCopy } from './property-copy';
import { isLinkedDeployment, isModule, isObject, resourceEntries, type JsonObject, type JsonPath, type ResourceEntry } from './resource-entries';
import { bicepText } from '../bicep-text';
import { describeValue } from '../describe-value';
import { sameValue } from '../expressions/same-value';
import { absoluteScope, extensionTypeOf, isProvidersType, resourceIdFor, resourceIdKey, splitProvidersForm } from './resource-ids';
import { TemplateContext, type TemplateFrame } from './template-context';

export interface ExpandOptions {
  /** Parameter values for the entry template (parameter files and overrides), by name. */
  parameters?: ReadonlyMap<string, Value>;
  /** Where the entry template deploys (subscription, resource group, location, ...); what is left out stays unknown. */
  deployment?: DeploymentContext;
}

const MAX_DEPLOYMENT_DEPTH = 32;
const MAX_INSTANCES = 50_000;
// Members that describe how to deploy, not what: they are not part of an instance's body.
const VARIABLE_REFERENCE = /^\[\s*variables\(\s*'([^']*)'\s*\)\s*\]$/i;
const NOT_BODY = new Set(['copy', 'condition', 'dependsOn', 'resources', 'name', 'type', 'scope', 'existing', 'comments']);

class TooManyInstances extends Error {}

/** The parent instance of a child declared in a classic `resources` array. */
interface ParentInstance {
  type: string;
  name: Value;
  key: string;
}

/** A template being expanded: its frame, entries and the module instances expanded so far. */
interface TemplateRun {
  ctx: TemplateContext;
  templatePath: JsonPath;
  chain: DeploymentLink[];
  deployment: Deployment;
  condition: Condition;
  depth: number;
  entries: ResourceEntry[];
  /** Classic children of each entry, in declaration order. */
  children: Map<ResourceEntry, ResourceEntry[]>;
  /** Module outputs by `symbol` / `symbol[i]`, by deployment name and by deployment ID key. */
  moduleOutputs: Map<string, Value>;
  done: Set<string>;
  inProgress: Set<string>;
  /** Entries whose instances are being expanded now: a reference() met inside one does not start it again. */
  expanding: Set<ResourceEntry>;
}

class Expander {
  readonly instances: ResourceInstance[] = [];
  readonly deployments: Deployment[] = [];
  readonly problems: ExpansionProblem[] = [];
  /** Above 0 while expanding what is not deployed (a false condition): its problems are not reported. */
  private muted = 0;

  constructor(private readonly doc: ParsedJson) {}

  span(path: JsonPath, property = false): SourceSpan {
    return spanAtPath(this.doc, path, property);
  }

  problem(kind: ExpansionProblem['kind'], message: string, path: JsonPath): void {
    if (this.muted > 0) return;
    this.problems.push({ kind, message, at: this.span(path), jsonPath: path });
  }

  /** Evaluates with a fallback: an expression error becomes a problem and an unknown value. */
  attempt(path: JsonPath, what: string, compute: () => Value, type: Symbolic['type'] = 'any'): Value {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      return this.unevaluated(error, path, what, type);
    }
  }

  /** Records an expression error as a problem and stands an unknown value in for the result. */
  private unevaluated(error: ExpressionError, path: JsonPath, what: string, type: Symbolic['type']): Value {
    this.problem(error.limit ? 'limit' : 'evaluation', `${what}: ${error.message}`, path);
    return unevaluatedValue(path, type, [
      { kind: 'unsupported', name: what, declaredAt: this.span(path), note: error.message },
    ]);
  }

  expandTemplate(
    template: JsonObject,
    templatePath: JsonPath,
    frame: Omit<TemplateFrame, 'template' | 'spanOf' | 'moduleReference'>,
    chain: DeploymentLink[],
    deployment: Deployment,
    depth: number,
  ): Value {
    this.deployments.push(deployment);
    const { condition } = deployment;
    const structural = validateAgainstSchema('template', template);
    for (const p of structural) this.problem('structure', `invalid template: ${p.message}`, [...templatePath, ...p.path]);
    // Without a resources collection there is nothing to expand; a malformed resource skips only itself.
    if (structural.some((p) => p.path.length <= 1 && (p.path.length === 0 || p.path[0] === 'resources'))) return {};
    const malformed = structural.filter((p) => p.path[0] === 'resources' && p.path.length >= 2).map((p) => [...templatePath, ...p.path.slice(0, 2)]);
    const entries = resourceEntries(template, templatePath).filter(
      (e) => !malformed.some((bad) => isWithinPath(e.path, bad)),
    );
    const children = new Map<ResourceEntry, ResourceEntry[]>();
    for (const e of entries) if (e.parent) children.set(e.parent, [...(children.get(e.parent) ?? []), e]);
    const run: TemplateRun = {
      ctx: undefined as unknown as TemplateContext,
      templatePath,
      chain,
      deployment,
      condition,
      depth,
      entries,
      children,
      moduleOutputs: new Map(),
      done: new Set(),
      inProgress: new Set(),
      expanding: new Set(),
    };
    run.ctx = TemplateContext.forFrame({
      ...frame,
      template,
      spanOf: (section, name) => this.span([...templatePath, section, name], true),
      moduleReference: (target) => this.moduleReference(run, target),
    });
    for (const entry of run.entries) {
      // Resources of Bicep extensions (Microsoft Graph, Kubernetes, ...) are not Azure resources.
      if (!entry.parent && entry.json.import === undefined && entry.json.extension === undefined) {
        this.expandEntry(run, entry, run.ctx, condition, undefined);
      }
    }
    return this.outputs(run);
  }

  private outputs(run: TemplateRun): Value {
    const template = run.ctx.frame.template;
    const outputs: ValueObject = {};
    for (const [name, output] of Object.entries(isObject(template.outputs) ? template.outputs : {})) {
      if (!isObject(output)) continue;
      const path = [...run.templatePath, 'outputs', name];
      outputs[name] = {
        type: typeof output.type === 'string' ? output.type : null,
        value: this.attempt(path, `output '${name}'`, () =>
          isObject(output.copy) ? expandOutputCopy(output.copy, run.ctx) : evaluateWithCopies(output.value ?? null, run.ctx),
        ),
      };
    }
    return { outputs };
  }

  /** Every instance of one declaration: once per loop index, children once per parent instance. */
  private expandEntry(
    run: TemplateRun,
    entry: ResourceEntry,
    ctx: TemplateContext,
    condition: Condition,
    parent: ParentInstance | undefined,
  ): void {
    run.expanding.add(entry);
    // Inside a module or parent that is not deployed, even a loop count or condition is not evaluated by Azure.
    if (condition === false) this.muted += 1;
    try {
      this.expandEntryInstances(run, entry, ctx, condition, parent);
    } finally {
      run.expanding.delete(entry);
      if (condition === false) this.muted -= 1;
    }
  }

  private expandEntryInstances(
    run: TemplateRun,
    entry: ResourceEntry,
    ctx: TemplateContext,
    condition: Condition,
    parent: ParentInstance | undefined,
  ): void {
    const copy = entry.json.copy;
    if (!isObject(copy)) {
      this.expandInstance(run, entry, ctx, condition, parent, undefined);
      return;
    }
    const loopName = typeof copy.name === 'string' ? copy.name : entry.symbolicName;
    let count: number | Value;
    try {
      count = evaluateCount(copy.count ?? null, ctx, loopName);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      // A template over a limit would not deploy: its instances are not guessed at.
      if (error.limit) return this.problem('limit', error.message, [...entry.path, 'copy', 'count']);
      count = this.unevaluated(error, [...entry.path, 'copy', 'count'], `copy loop '${loopName}'`, 'number');
    }
    if (typeof count === 'number') {
      for (let i = 0; i < count; i += 1) this.expandInstance(run, entry, ctx.withLoop(loopName, i, true), condition, parent, i);
      return;
    }
    const index = opaque(`copyIndex('${loopName}')`, [], 'number', [
      ...originsOf(count),
      { kind: 'loop', name: loopName, declaredAt: this.span([...entry.path, 'copy']) },
    ]);
    this.expandInstance(run, entry, ctx.withLoop(loopName, index, true), condition, parent, index);
  }

  private expandInstance(
    run: TemplateRun,
    entry: ResourceEntry,
    ctx: TemplateContext,
    outerCondition: Condition,
    parent: ParentInstance | undefined,
    loopIndex: number | Symbolic | undefined,
  ): void {
    const ownKey = loopIndex === undefined ? entry.symbolicName : `${entry.symbolicName}[${keyOf(loopIndex)}]`;
    // A classic child is deployed once per instance of its parent.
    const instanceKey = parent ? `${parent.key} > ${ownKey}` : ownKey;
    if (run.done.has(instanceKey)) return;
    run.done.add(instanceKey);
    if (this.instances.length >= MAX_INSTANCES) throw new TooManyInstances();

    const { json, path } = entry;
    const reads: ValueRead[] = [];
    const ownCondition =
      json.condition === undefined
        ? true
        : toCondition(this.attempt([...path, 'condition'], 'condition', () => evaluateTemplateValue(json.condition!, ctx.recordingReads(reads)), 'bool'));
    const condition = bothConditions(outerCondition, ownCondition);
    // Nothing in a resource that is not deployed is evaluated by Azure: what fails there is no problem of the template.
    if (condition === false) this.muted += 1;
    try {
      const falseCondition = ownCondition === false ? { ...declaringModule(run.chain), reads } : falseModuleCondition(run.chain);
      let type = String(json.type);
      let name = this.attempt([...path, 'name'], 'resource name', () => evaluateTemplateValue(json.name ?? null, ctx), 'string');
      if (parent && !type.split('/')[0]!.includes('.')) {
        type = `${parent.type}/${type}`;
        name = text([parent.name, '/', name]);
      }
      const body = this.body(entry, ctx);
      const placement = placedIn(run.ctx.frame.scope, body);
      let scope: Value | undefined;
      const providersForm = splitProvidersForm(type, name);
      if (providersForm) {
        scope = resourceIdFor(providersForm.targetType, providersForm.targetName, placement);
        type = providersForm.type;
        name = providersForm.name;
      } else if (isProvidersType(type) && containsSymbolic(name)) {
        // `<target>/providers/<type>` whose name is unknown: the target is unknown too.
        scope = opaque('scopeOf', [name], 'string', originsOf(name));
        type = extensionTypeOf(type);
      } else if (json.scope !== undefined) {
        const scopeValue = this.attempt([...path, 'scope'], 'scope', () => evaluateTemplateValue(json.scope!, ctx), 'string');
        scope = absoluteScope(scopeValue, placement);
      }
      let id = resourceIdFor(type, name, placement, scope);
      if (id === undefined) {
        // Only a name known to have the wrong number of segments is a mistake; an unknown one may be right.
        if (!containsSymbolic(name)) {
          this.problem('structure', `the name of this ${type} does not have one segment per type segment`, [...path, 'name']);
        }
        id = opaque('resourceId', [type, name], 'string', originsOf(name));
      }
      const instance: ResourceInstance = {
        type,
        name,
        id,
        ...(scope === undefined ? {} : { scope }),
        body,
        condition,
        ...(falseCondition ? { falseCondition } : {}),
        existing: json.existing === true,
        deploymentChain: run.chain,
        symbolicName: entry.symbolicName,
        ...(loopIndex === undefined ? {} : { loopIndex }),
        declaredAt: this.span(path),
        jsonPath: path,
      };
      this.instances.push(instance);
      this.validateBody(instance);

      if (isModule(entry)) this.expandModule(run, entry, ctx, instance, instanceKey);
      else if (isLinkedDeployment(entry)) {
        this.problem(
          'evaluation',
          `nested deployment ${bicepText(name)} uses a linked template, which bicep-audit cannot read: the resources it deploys are not checked`,
          [...path, 'properties'],
        );
      }
      for (const child of run.children.get(entry) ?? []) {
        this.expandEntry(run, child, ctx, condition, { type, name, key: instanceKey });
      }
    } finally {
      if (condition === false) this.muted -= 1;
    }
  }

  private body(entry: ResourceEntry, ctx: TemplateContext): ValueObject {
    const body: ValueObject = {};
    for (const [key, member] of Object.entries(entry.json)) {
      if (NOT_BODY.has(key)) continue;
      const path = [...entry.path, key];
      if (key === 'properties' && isModule(entry) && isObject(member)) {
        // The nested template is expanded as a deployment of its own, not evaluated here.
        const { template: _template, parameters, ...rest } = member;
        const properties = this.evaluateMembers(rest, path, ctx, (name) => `'properties.${name}'`);
        const passed = isObject(parameters) ? this.evaluateMembers(parameters, [...path, 'parameters'], ctx, (name) => `parameter '${name}'`) : undefined;
        body[key] = passed ? { ...properties, parameters: passed } : properties;
      } else if (key === 'properties' && isObject(member)) {
        body[key] = this.evaluateMembers(member, path, ctx, (name) => `'properties.${name}'`);
      } else {
        body[key] = this.attempt(path, `'${key}'`, () => evaluateWithCopies(member, ctx));
      }
    }
    return body;
  }

  /**
   * Each member of an object on its own (a resource's properties, the parameters passed to a
   * module): one that cannot be evaluated (an unknown `metrics`) leaves the others (`logs`) known.
   */
  private evaluateMembers(object: JsonObject, path: JsonPath, ctx: TemplateContext, what: (name: string) => string): ValueObject {
    const values: ValueObject = {};
    for (const [name, member] of Object.entries(object)) {
      if (name === 'copy') {
        // Property copy loops: each loop adds the member it names.
        const loops = this.attempt([...path, name], what(name), () => evaluateWithCopies({ copy: member }, ctx), 'object');
        if (isValueObject(loops)) Object.assign(values, loops);
        else values[name] = loops;
      } else {
        values[name] = this.attempt([...path, name], what(name), () => evaluateWithCopies(member, ctx));
      }
    }
    return values;
  }

  private validateBody(instance: ResourceInstance): void {
    if (instance.type.toLowerCase() !== 'microsoft.insights/diagnosticsettings' || instance.existing) return;
    for (const problem of validateAgainstSchema('diagnostic-settings', instance.body)) {
      this.problem('structure', `invalid diagnostic setting: ${problem.message}`, [...instance.jsonPath, ...problem.path]);
    }
  }

  private expandModule(run: TemplateRun, entry: ResourceEntry, ctx: TemplateContext, instance: ResourceInstance, key: string): void {
    const path = entry.path;
    if (run.depth >= MAX_DEPLOYMENT_DEPTH) {
      this.problem('limit', `modules are nested more than ${MAX_DEPLOYMENT_DEPTH} deep`, path);
      return;
    }
    const properties = entry.json.properties as JsonObject;
    const inline = this.inlineTemplate(run, entry, ctx);
    if (inline === undefined) return;
    const { template, templatePath } = inline;
    const evaluationScope = isObject(properties.expressionEvaluationOptions)
      ? `${typeof properties.expressionEvaluationOptions.scope === 'string' ? properties.expressionEvaluationOptions.scope : 'outer'}`.toLowerCase()
      : 'outer';
    const parameterValues = new Map<string, Value>();
    const passed = (instance.body.properties as ValueObject | undefined)?.parameters;
    if (evaluationScope === 'inner' && passed && typeof passed === 'object' && !isSymbolic(passed) && !Array.isArray(passed)) {
      for (const [name, parameter] of Object.entries(passed as ValueObject)) {
        parameterValues.set(name, parameterValueOf(parameter, name));
      }
    }
    const link: DeploymentLink = {
      symbolicName: entry.symbolicName,
      name: instance.name,
      ...(instance.loopIndex === undefined ? {} : { loopIndex: instance.loopIndex }),
      declaredAt: this.span(path, true),
      ...(instance.falseCondition ? { falseCondition: instance.falseCondition } : {}),
    };
    run.inProgress.add(key);
    try {
      const scope = childScope(run.ctx.frame.scope, instance, template);
      const outputs = this.expandTemplate(
        template,
        templatePath,
        {
          scope,
          deploymentName: instance.name,
          ...(scope.kind === 'resourceGroup' || instance.body.location === undefined ? {} : { deploymentLocation: instance.body.location }),
          parameterValues,
          ...(evaluationScope === 'inner' ? {} : { outer: ctx }),
        },
        [...run.chain, link],
        { scope, module: instance, parent: run.deployment, condition: instance.condition, declaredAt: instance.declaredAt },
        run.depth + 1,
      );
      run.moduleOutputs.set(key.toLowerCase(), outputs);
      run.moduleOutputs.set(`name:${resourceIdKey(instance.name)}`, outputs);
      run.moduleOutputs.set(`id:${resourceIdKey(instance.id)}`, outputs);
    } finally {
      run.inProgress.delete(key);
    }
  }

  /**
   * A nested deployment's template: written out, or the value of its expression, evaluated in the
   * deploying template (outer scope only). `[variables('x')]`, what Bicep writes for `loadJsonContent()`, is located
   * at that variable; another expression's template at the `template` property.
   */
  private inlineTemplate(run: TemplateRun, entry: ResourceEntry, ctx: TemplateContext): { template: JsonObject; templatePath: JsonPath } | undefined {
    const properties = entry.json.properties as JsonObject;
    const written = properties.template;
    const templatePath = [...entry.path, 'properties', 'template'];
    if (isObject(written)) return { template: written, templatePath };
    const name = describeValue(entry.json.name ?? null);
    if (isObject(properties.expressionEvaluationOptions) && `${properties.expressionEvaluationOptions.scope}`.toLowerCase() === 'inner') {
      // Azure evaluates it inside the nested deployment, where the deploying template's variables are not defined (bicep snapshot: type 'Undefined').
      this.problem('evaluation', `nested deployment '${name}' takes its template from an expression in the inner evaluation scope, where Azure's engine cannot evaluate it: the resources it deploys are not checked`, templatePath);
      return undefined;
    }
    const value = this.attempt(templatePath, "'properties.template'", () => evaluateWithCopies(written ?? null, ctx), 'object');
    if (!isValueObject(value) || containsSymbolic(value)) {
      this.problem('evaluation', `nested deployment '${name}' takes its template from an expression bicep-audit cannot evaluate: the resources it deploys are not checked`, templatePath);
      return undefined;
    }
    const variable = VARIABLE_REFERENCE.exec(typeof written === 'string' ? written : '')?.[1];
    const variablePath = [...run.templatePath, 'variables', variable ?? ''];
    const atVariable = variable !== undefined && isObject(run.ctx.frame.template.variables) && isObject((run.ctx.frame.template.variables as JsonObject)[variable]);
    return { template: value as JsonObject, templatePath: atVariable ? variablePath : templatePath };
  }

  /** `reference(...)` of a module: expands it first when it has not been reached yet. */
  private moduleReference(run: TemplateRun, target: Value): Value | undefined {
    const keys = typeof target === 'string' ? [target.toLowerCase(), `name:${resourceIdKey(target)}`] : [];
    keys.push(`id:${resourceIdKey(target)}`);
    const found = () => keys.map((k) => run.moduleOutputs.get(k)).find((v) => v !== undefined);
    if (found() === undefined) {
      if ([...run.inProgress].some((k) => keys.includes(k.toLowerCase()))) {
        throw new ExpressionError('a module reads its own outputs', JSON.stringify(target), 0);
      }
      for (const entry of run.entries.filter((e) => isModule(e) && !run.expanding.has(e))) {
        if (found() !== undefined) break;
        this.expandEntry(run, entry, run.ctx, run.condition, undefined);
      }
    }
    return found();
  }

  run(options: ExpandOptions): Expansion {
    const template = this.doc.value;
    if (!isObject(template)) {
      this.problem('structure', 'the document is not a template: it is not a JSON object', []);
      return { instances: [], deployments: [], problems: this.problems, outputs: {} };
    }
    const context = options.deployment ?? {};
    const scope = entryScope(typeof template.$schema === 'string' ? template.$schema : undefined, context);
    let outputs: ValueObject = {};
    try {
      const deployed = this.expandTemplate(
        template,
        [],
        {
          scope,
          deploymentName: context.deploymentName ?? opaque('deployment().name', [], 'string', [{ kind: 'deployment', name: 'deployment().name' }]),
          ...(scope.kind === 'resourceGroup' ? {} : { deploymentLocation: deploymentLocation(context) }),
          parameterValues: options.parameters ?? new Map(),
        },
        [],
        { scope, condition: true, declaredAt: this.span(['$schema'], true) },
        0,
      );
      outputs = outputValues(deployed);
    } catch (error) {
      if (!(error instanceof TooManyInstances)) throw error;
      this.problem('limit', `the template expands to more than ${MAX_INSTANCES} resource instances; expansion stopped there`, []);
    }
    return { instances: this.instances, deployments: this.deployments, problems: this.problems, outputs };
  }
}

/** `{outputs: {name: {type, value}}}`, as a module's reference() sees it, as name → value. */
function outputValues(deployed: Value): ValueObject {
  const outputs = isValueObject(deployed) ? deployed.outputs : undefined;
  if (!isValueObject(outputs)) return {};
  return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, isValueObject(output) ? output.value ?? null : null]));
}

function keyOf(index: number | Symbolic): string {
  return typeof index === 'number' ? String(index) : index.key;
}

function parameterValueOf(parameter: Value, name: string): Value {
  // A value that could not be evaluated is passed on as the unknown it is.
  if (isSymbolic(parameter)) return parameter;
  if (parameter !== null && typeof parameter === 'object' && !Array.isArray(parameter) && !isSymbolic(parameter) && 'value' in parameter) {
    return (parameter as ValueObject).value!;
  }
  return opaque(`parameters('${name}')`, [], 'any', [
    { kind: 'runtime', name: `parameter '${name}' from a Key Vault reference` },
  ]);
}

/** A resource's own `subscriptionId`/`resourceGroup` (an `existing` one elsewhere) overrides the template's. */
function placedIn(scope: DeploymentScope, body: ValueObject): DeploymentScope {
  if (body.resourceGroup === undefined || scope.kind === 'managementGroup' || scope.kind === 'tenant') return scope;
  return {
    kind: 'resourceGroup',
    subscriptionId: body.subscriptionId ?? scope.subscriptionId,
    resourceGroupName: body.resourceGroup,
    tenantId: scope.tenantId,
    // Only IDs are built from this scope: no function reads its location.
    location: otherResourceGroupLocation(),
  };
}

function childScope(parent: DeploymentScope, instance: ResourceInstance, template: JsonObject): DeploymentScope {
  const kind = schemaScopeKind(typeof template.$schema === 'string' ? template.$schema : undefined);
  const tenantId = parent.tenantId;
  const subscriptionId = instance.body.subscriptionId ?? ('subscriptionId' in parent ? parent.subscriptionId : undefined);
  const resourceGroupName = instance.body.resourceGroup ?? (parent.kind === 'resourceGroup' ? parent.resourceGroupName : undefined);
  if (kind === 'resourceGroup' && subscriptionId !== undefined && resourceGroupName !== undefined) {
    // The deployment's own resource group keeps its location; another one's is known only at deployment.
    const sameGroup = parent.kind === 'resourceGroup' && sameValue(subscriptionId, parent.subscriptionId) === true && sameValue(resourceGroupName, parent.resourceGroupName) === true;
    return { kind, subscriptionId, resourceGroupName, tenantId, location: sameGroup ? parent.location : otherResourceGroupLocation() };
  }
  if (kind === 'subscription' && subscriptionId !== undefined) return { kind, subscriptionId, tenantId };
  if (kind === 'managementGroup' && parent.kind === 'managementGroup' && instance.scope === undefined) return parent;
  return { ...entryScope(typeof template.$schema === 'string' ? template.$schema : undefined), tenantId };
}

/** The module whose template is being expanded, for a condition that reads its parameters. */
function declaringModule(chain: readonly DeploymentLink[]): { declaredIn?: string } {
  const module = chain.at(-1);
  return module ? { declaredIn: module.symbolicName } : {};
}

/** The false condition of the outermost module around an instance that is not deployed, if any. */
function falseModuleCondition(chain: readonly DeploymentLink[]): FalseCondition | undefined {
  const module = chain.find((link) => link.falseCondition);
  if (!module?.falseCondition) return undefined;
  return module.falseCondition.module ? module.falseCondition : { ...module.falseCondition, module: module.symbolicName };
}

/** Expands a parsed template (either form) into the resource instances Azure would deploy. */
export function expandTemplate(doc: ParsedJson, options: ExpandOptions = {}): Expansion {
  return withTemplateBudget(() => new Expander(doc).run(options));
}
