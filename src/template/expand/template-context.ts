import { findKey } from '../expressions/arguments';
import type { EvalContext } from '../expressions/context';
import { ExpressionError } from '../expressions/errors';
import { evaluateTemplateValue } from '../expressions/evaluate';
import { opaque, originsOf, text } from '../expressions/symbolic';
import type { JsonValue, Origin, SymbolicType, Value, ValueObject } from '../expressions/value';
import type { SourceSpan } from '../location';
import { resourceGroupObject, scopeId, subscriptionObject, type DeploymentScope } from './deployment-scope';
import { evaluateWithCopies } from './property-copy';
import type { ParameterSource, ValueRead } from './instance';

type JsonObject = { [key: string]: JsonValue };

/** One template being expanded: its JSON, where it deploys, and the values passed to it. */
export interface TemplateFrame {
  template: JsonObject;
  scope: DeploymentScope;
  deploymentName: Value;
  /** `deployment().location`: set at subscription, management-group and tenant scope only. */
  deploymentLocation?: Value;
  /** Values passed in (parameter file, overrides, or the calling module), by parameter name. */
  parameterValues: ReadonlyMap<string, Value>;
  /** Where a parameter or variable is declared, for messages about unknowns. */
  spanOf(section: 'parameters' | 'variables', name: string): SourceSpan;
  /** A module's outputs for `reference(...)`, or undefined when the target is not a module. */
  moduleReference(target: Value): Value | undefined;
  /** For a nested template with outer evaluation scope: the template whose values it sees. */
  outer?: TemplateContext;
  /** For a user function: the template whose variables it reads. */
  variablesOf?: TemplateContext;
}

const MAX_FUNCTION_DEPTH = 64;

/** A declaration by name, ignoring case as ARM does. */
function lookup<T extends JsonValue>(record: Record<string, T> | undefined, name: string): [string, T] | undefined {
  // Only an object declares anything: a section set to null is absent, as ARM reads it, and a string or an array declares nothing.
  const declares = record !== undefined && record !== null && typeof record === 'object' && !Array.isArray(record);
  const key = declares ? findKey(record as ValueObject, name) : undefined;
  return key === undefined ? undefined : [key, record![key]!];
}

function declaredType(declaration: JsonValue): SymbolicType {
  const type = declaration && typeof declaration === 'object' && !Array.isArray(declaration) ? declaration.type : undefined;
  switch (typeof type === 'string' ? type.toLowerCase() : '') {
    case 'string':
    case 'securestring':
      return 'string';
    case 'int':
      return 'number';
    case 'bool':
      return 'bool';
    case 'array':
      return 'array';
    case 'object':
    case 'secureobject':
      return 'object';
    default:
      return 'any';
  }
}

/** Memos shared by every context of one frame: each parameter and variable is evaluated once. */
class FrameState {
  readonly parameters = new Map<string, Value>();
  readonly parameterSources = new Map<string, ParameterSource>();
  readonly variables = new Map<string, Value>();
  readonly inProgress = new Set<string>();
}

/** The EvalContext of one template frame, with the copy-loop indexes in force. */
export class TemplateContext implements EvalContext {
  private constructor(
    readonly frame: TemplateFrame,
    private readonly state: FrameState,
    private readonly loops: readonly { name: string; index: Value; answersUnnamed: boolean }[],
    private readonly functionDepth: number,
    /** Where the parameters and variables read are recorded, for a condition that may say why it is false. */
    private readonly reads?: ValueRead[],
  ) {}

  static forFrame(frame: TemplateFrame): TemplateContext {
    return new TemplateContext(frame, new FrameState(), [], 0);
  }

  withLoop(name: string, index: Value, answersUnnamed: boolean): TemplateContext {
    return new TemplateContext(this.frame, this.state, [...this.loops, { name, index, answersUnnamed }], this.functionDepth, this.reads);
  }

  /** The same context, recording into `reads` the parameters and variables its evaluations read. */
  recordingReads(reads: ValueRead[]): TemplateContext {
    return new TemplateContext(this.frame, this.state, this.loops, this.functionDepth, reads);
  }

  unknownLoopArray(loopName: string, count: Value): Value {
    const origins: Origin[] = originsOf(count).length > 0 ? [...originsOf(count)] : [{ kind: 'loop', name: loopName }];
    return opaque(`copy[${loopName}]`, [count], 'array', origins);
  }

  parameter(name: string): Value {
    if (this.frame.outer) return this.frame.outer.parameter(name);
    const declaration = lookup(this.frame.template.parameters as Record<string, JsonValue> | undefined, name);
    if (!declaration) throw new ExpressionError(`the template has no parameter '${name}'`, `parameters('${name}')`, 0);
    const [declaredName, body] = declaration;
    const value = this.memo(this.state.parameters, `parameter:${declaredName}`, () => {
      const sources = this.state.parameterSources;
      const given = [...this.frame.parameterValues].find(([key]) => key.toLowerCase() === declaredName.toLowerCase());
      const declared = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
      // A null passed to a parameter that has a default gets the default, as ARM does.
      if (given && !(given[1] === null && declared.defaultValue !== undefined)) {
        sources.set(declaredName, 'given');
        return given[1];
      }
      if (declared.defaultValue !== undefined) {
        sources.set(declaredName, 'default');
        return evaluateWithCopies(declared.defaultValue, this);
      }
      // A nullable parameter that is given no value is null, not unknown.
      if (this.isNullable(declared)) {
        sources.set(declaredName, 'nullable');
        return null;
      }
      const origin: Origin = {
        kind: 'parameter',
        name: declaredName,
        declaredAt: this.frame.spanOf('parameters', declaredName),
      };
      return opaque(`parameters('${declaredName}')`, [], declaredType(body), [origin]);
    });
    const source = this.state.parameterSources.get(declaredName);
    this.reads?.push({ kind: 'parameter', name: declaredName, value, ...(source ? { source } : {}) });
    return value;
  }

  variable(name: string): Value {
    if (this.frame.outer) return this.frame.outer.variable(name);
    if (this.frame.variablesOf) return this.frame.variablesOf.variable(name);
    const variables = this.frame.template.variables as Record<string, JsonValue> | undefined;
    const copyLoop = this.variableCopy(variables, name);
    if (copyLoop) {
      const [loopName, wrapper] = copyLoop;
      return this.memo(this.state.variables, `variable:${loopName}`, () => (evaluateWithCopies(wrapper, this) as ValueObject)[loopName]!);
    }
    const declaration = lookup(variables, name);
    if (!declaration) throw new ExpressionError(`the template has no variable '${name}'`, `variables('${name}')`, 0);
    const [declaredName, body] = declaration;
    const value = this.memo(this.state.variables, `variable:${declaredName}`, () => evaluateWithCopies(body, this));
    this.reads?.push({ kind: 'variable', name: declaredName, value });
    return value;
  }

  copyIndex(loopName: string | undefined, offset: number): Value {
    const loop =
      loopName === undefined
        ? // Without a name it is the resource (or output) loop's index, even inside a property loop.
          [...this.loops].reverse().find((l) => l.answersUnnamed)
        : [...this.loops].reverse().find((l) => l.name.toLowerCase() === loopName.toLowerCase());
    if (!loop) {
      const which = loopName === undefined ? '' : `'${loopName}'`;
      throw new ExpressionError(`copyIndex(${which}) is used outside of that copy loop`, `copyIndex(${which})`, 0);
    }
    if (typeof loop.index === 'number') return loop.index + offset;
    return offset === 0 ? loop.index : opaque('add', [loop.index, offset], 'number', originsOf(loop.index));
  }

  resourceGroup(): Value {
    // With outer evaluation scope, scope functions answer for the parent template.
    if (this.frame.outer) return this.frame.outer.resourceGroup();
    const value = resourceGroupObject(this.frame.scope);
    if (!value) throw new ExpressionError('resourceGroup() is not available at this deployment scope', 'resourceGroup()', 0);
    return value;
  }

  subscription(): Value {
    if (this.frame.outer) return this.frame.outer.subscription();
    const value = subscriptionObject(this.frame.scope);
    if (!value) throw new ExpressionError('subscription() is not available at this deployment scope', 'subscription()', 0);
    return value;
  }

  tenant(): Value {
    const tenantId = this.frame.scope.tenantId;
    return { tenantId, id: text(['/tenants/', tenantId]) };
  }

  deployment(): Value {
    if (this.frame.outer) return this.frame.outer.deployment();
    const location = this.frame.deploymentLocation;
    return { name: this.frame.deploymentName, ...(location === undefined ? {} : { location }), properties: { templateLink: null } };
  }

  environment(): Value {
    return opaque('environment()', [], 'object', [{ kind: 'deployment', name: 'environment()' }]);
  }

  reference(target: Value, apiVersion: Value | undefined, full: boolean): Value {
    const moduleValue = this.frame.moduleReference(target);
    if (moduleValue !== undefined) return moduleValue;
    const args = [target, ...(apiVersion === undefined ? [] : [apiVersion]), ...(full ? ['Full'] : [])];
    return opaque('reference', args, 'object', [{ kind: 'runtime', name: 'reference()' }]);
  }

  userFunction(namespace: string, name: string, args: Value[]): Value {
    const isObject = (v: JsonValue | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);
    const functions = this.frame.template.functions;
    const ns = (Array.isArray(functions) ? functions : []).find(
      (n): n is JsonObject => isObject(n) && typeof n.namespace === 'string' && n.namespace.toLowerCase() === namespace.toLowerCase(),
    );
    const found = isObject(ns?.members) ? lookup(ns.members as Record<string, JsonValue>, name)?.[1] : undefined;
    const member = isObject(found) ? found : undefined;
    if (!member) throw new ExpressionError(`the template has no function '${namespace}.${name}'`, `${namespace}.${name}()`, 0);
    if (this.functionDepth >= MAX_FUNCTION_DEPTH) {
      throw new ExpressionError(`user function '${namespace}.${name}' calls itself too deeply`, `${namespace}.${name}()`, 0);
    }
    const parameters = member.parameters ?? [];
    if (!Array.isArray(parameters) || !parameters.every((p) => isObject(p) && typeof p.name === 'string')) {
      throw new ExpressionError(`user function '${namespace}.${name}' declares its parameters in a shape ARM does not accept`, `${namespace}.${name}()`, 0);
    }
    const declared = parameters as JsonObject[];
    const values = new Map(declared.map((p, i) => [String(p.name), args[i] ?? null]));
    const functionFrame: TemplateFrame = {
      ...this.frame,
      outer: undefined,
      variablesOf: this.frame.variablesOf ?? this,
      template: { parameters: Object.fromEntries(declared.map((p) => [String(p.name), p])), functions: this.frame.template.functions ?? [] },
      parameterValues: values,
    };
    const output = (member.output as JsonObject | undefined)?.value ?? null;
    return evaluateTemplateValue(output, new TemplateContext(functionFrame, new FrameState(), [], this.functionDepth + 1));
  }

  defaultSubscriptionId(): Value | undefined {
    if (this.frame.outer) return this.frame.outer.defaultSubscriptionId();
    const scope = this.frame.scope;
    return scope.kind === 'resourceGroup' || scope.kind === 'subscription' ? scope.subscriptionId : undefined;
  }

  defaultResourceGroupName(): Value | undefined {
    if (this.frame.outer) return this.frame.outer.defaultResourceGroupName();
    const scope = this.frame.scope;
    return scope.kind === 'resourceGroup' ? scope.resourceGroupName : undefined;
  }

  /** The ID of the scope this template deploys to. */
  scopeId(): Value {
    return scopeId(this.frame.scope);
  }

  /** Nullable itself, or through `$ref` to a type definition that is (a Bicep type alias with `?`). */
  private isNullable(declaration: JsonObject): boolean {
    const seen = new Set<string>();
    let current: JsonValue | undefined = declaration;
    while (current && typeof current === 'object' && !Array.isArray(current)) {
      if (current.nullable === true) return true;
      const ref: JsonValue | undefined = current.$ref;
      const name: string | undefined = typeof ref === 'string' && ref.startsWith('#/definitions/') ? ref.slice('#/definitions/'.length) : undefined;
      if (name === undefined || seen.has(name)) return false;
      seen.add(name);
      current = lookup(this.frame.template.definitions as Record<string, JsonValue> | undefined, name)?.[1];
    }
    return false;
  }

  private variableCopy(variables: Record<string, JsonValue> | undefined, name: string): [string, JsonValue] | undefined {
    const loops = variables?.copy;
    if (!Array.isArray(loops)) return undefined;
    const loop = loops.find(
      (l): l is JsonObject => !!l && typeof l === 'object' && !Array.isArray(l) && typeof l.name === 'string' && l.name.toLowerCase() === name.toLowerCase(),
    );
    return loop ? [String(loop.name), { copy: [loop] }] : undefined;
  }

  private memo(cache: Map<string, Value>, key: string, compute: () => Value): Value {
    if (cache.has(key)) return cache.get(key)!;
    if (this.state.inProgress.has(key)) {
      throw new ExpressionError(`${key.replace(':', " '")}' refers to itself`, key, 0);
    }
    this.state.inProgress.add(key);
    try {
      const value = compute();
      cache.set(key, value);
      return value;
    } finally {
      this.state.inProgress.delete(key);
    }
  }
}
