import type { SourceSpan } from '../location';
import type { Symbolic, Value, ValueObject } from '../expressions/value';
import type { DeploymentScope } from './deployment-scope';

/** true, false, or not known before deployment (a Symbolic of type bool). */
export type Condition = true | false | Symbolic;

/** How a parameter a condition read got its value. */
export type ParameterSource = 'given' | 'default' | 'nullable';

/** A parameter or variable that a condition read, with the value it had. */
export interface ValueRead {
  kind: 'parameter' | 'variable';
  name: string;
  value: Value;
  /** For a parameter: passed in (by the caller, or the run's parameters), its default, or null for a nullable one. */
  source?: ParameterSource;
}

/** Why an instance is not deployed: its own condition, or that of a module around it, is false. */
export interface FalseCondition {
  /** The module whose condition is false, when it is not the instance's own. */
  module?: string;
  /** The module whose template holds the false condition; undefined for the entry template. */
  declaredIn?: string;
  /** What that condition read. */
  reads: ValueRead[];
}

/** One module (nested deployment) on the way from the entry template to an instance. */
export interface DeploymentLink {
  /** The deployment's symbolic name (the Bicep `module` symbol) or, in classic templates, its name. */
  symbolicName: string;
  /** The deployment's name as evaluated. */
  name: Value;
  loopIndex?: number | Symbolic;
  /** Where the deployment resource is declared in the compiled JSON. */
  declaredAt: SourceSpan;
  /** Set when the module is not deployed. */
  falseCondition?: FalseCondition;
}

/** A resource as Azure would deploy it: one per loop index and per module instance. */
export interface ResourceInstance {
  /** Full resource type, e.g. `Microsoft.ContainerRegistry/registries`. */
  type: string;
  /** Full resource name, segments joined by `/`. */
  name: Value;
  /** The full resource ID, known or symbolic. */
  id: Value;
  /** For an extension resource, the resource ID it is attached to. */
  scope?: Value;
  /** The evaluated resource body (`properties`, `location`, `sku`, ...). */
  body: ValueObject;
  /** The instance's condition combined with the conditions of the deployments around it. */
  condition: Condition;
  /** Set when `condition` is false: which condition and what it read. */
  falseCondition?: FalseCondition;
  existing: boolean;
  /** Modules from the entry template down to the template that declares the instance. */
  deploymentChain: DeploymentLink[];
  /** The key in a symbolic-name template, a `resources[i]` path in a classic one, or '' for the entry template itself (the scope it deploys to). */
  symbolicName: string;
  /** The copy-loop index; a Symbolic when the loop's count is not known. */
  loopIndex?: number | Symbolic;
  /** The resource's declaration in the compiled JSON. */
  declaredAt: SourceSpan;
  /** JSON path of the declaration, for property-level positions inside it. */
  jsonPath: (string | number)[];
}

/** Something in the template that stopped part of it from being evaluated or is malformed. */
export interface ExpansionProblem {
  /** structure: the JSON breaks a schema; evaluation: an expression failed; limit: a bound was hit. */
  kind: 'structure' | 'evaluation' | 'limit';
  message: string;
  at: SourceSpan;
  /** JSON path in the compiled document, when the problem is structural. */
  jsonPath?: (string | number)[];
}

/** A template Azure deploys: the entry template, or one instance of a module. */
export interface Deployment {
  scope: DeploymentScope;
  /** The module instance that deploys it; absent for the entry template. */
  module?: ResourceInstance;
  /** The deployment whose template declares the module; absent for the entry template. */
  parent?: Deployment;
  condition: Condition;
  /** What says where it deploys: the entry template's `$schema`, or the module's declaration. */
  declaredAt: SourceSpan;
}

export interface Expansion {
  instances: ResourceInstance[];
  /** The entry template's deployment first, then each module instance's, in the order they are expanded. */
  deployments: Deployment[];
  problems: ExpansionProblem[];
  /** The entry template's outputs by name (what `bicep snapshot` shows as `outputs`); unknown parts stay symbolic. */
  outputs: ValueObject;
}
