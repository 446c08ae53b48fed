import { isSymbolic, text } from '../expressions/symbolic';
import type { Value } from '../expressions/value';
import { scopeId, type DeploymentScope } from './deployment-scope';

/** Splits a resource name (`a/b`, or a string with unknown pieces) into its `/` segments. */
export function nameSegments(name: Value): Value[] {
  if (typeof name === 'string') return name.split('/');
  if (!isSymbolic(name) || !name.parts) return [name];
  const segments: Value[][] = [[]];
  for (const part of name.parts) {
    if (typeof part !== 'string') {
      segments[segments.length - 1]!.push(part);
      continue;
    }
    const pieces = part.split('/');
    segments[segments.length - 1]!.push(pieces[0]!);
    for (const piece of pieces.slice(1)) segments.push([piece]);
  }
  return segments.map((parts) => text(parts));
}

/**
 * `Namespace/t1/t2` with names `[n1, n2]` → `Namespace/t1/n1/t2/n2`, as parts for text().
 * Returns undefined when the name has a different number of segments than the type.
 */
export function typeAndNameParts(type: string, name: Value): Value[] | undefined {
  const [namespace, ...typeSegments] = type.split('/');
  const names = nameSegments(name);
  if (names.length !== typeSegments.length) return undefined;
  const parts: Value[] = [namespace!];
  typeSegments.forEach((segment, i) => parts.push('/', segment, '/', names[i]!));
  return parts;
}

/** The ID of a resource deployed to a scope, or extending the resource `extensionOf`. */
export function resourceIdFor(type: string, name: Value, scope: DeploymentScope, extensionOf?: Value): Value | undefined {
  const parts = typeAndNameParts(type, name);
  if (!parts) return undefined;
  if (extensionOf !== undefined) return text([extensionOf, '/providers/', ...parts]);
  if (scope.kind === 'subscription' && type.toLowerCase() === 'microsoft.resources/resourcegroups') {
    return text(['/subscriptions/', scope.subscriptionId, '/resourceGroups/', name]);
  }
  return text([scopeId(scope), '/providers/', ...parts]);
}

/**
 * A `scope` value as a full resource ID. ARM also accepts a scope relative to the deployment
 * (`Microsoft.ContainerRegistry/registries/acr`), resolved against the deployment's scope.
 */
export function absoluteScope(scopeValue: Value, scope: DeploymentScope): Value {
  const first = typeof scopeValue === 'string' ? scopeValue : isSymbolic(scopeValue) ? scopeValue.parts?.[0] : undefined;
  // A scope that starts with an unknown is taken to be a full ID: that is what Bicep emits.
  if (typeof first !== 'string' || first.startsWith('/')) return scopeValue;
  if (first.toLowerCase().startsWith('microsoft.management/managementgroups/')) {
    return text(['/providers/', scopeValue]);
  }
  return text([scopeId(scope), '/providers/', scopeValue]);
}

/** A key under which two IDs of the same resource are equal: Azure IDs ignore letter case. */
export function resourceIdKey(id: Value): string {
  if (typeof id === 'string') return id.toLowerCase();
  if (isSymbolic(id)) {
    if (!id.parts) return id.key;
    return id.parts.map((p) => (typeof p === 'string' ? p.toLowerCase() : `\u0000${p.key}\u0000`)).join('');
  }
  return JSON.stringify(id);
}

/** A resource written as `<targetType>/providers/<type>` with name `<target>/<Namespace>/<name>`. */
export interface ProvidersForm {
  targetType: string;
  targetName: Value;
  type: string;
  name: Value;
}

export function isProvidersType(type: string): boolean {
  return type.toLowerCase().includes('/providers/');
}

// The namespace of an extension type is in the name; for the one this tool judges it is fixed.
const KNOWN_EXTENSION_NAMESPACES: Record<string, string> = { diagnosticsettings: 'Microsoft.Insights' };

/** `<target>/providers/diagnosticSettings` → `Microsoft.Insights/diagnosticSettings`, when the name cannot tell. */
export function extensionTypeOf(type: string): string {
  const extension = type.slice(type.toLowerCase().indexOf('/providers/') + '/providers/'.length);
  const namespace = KNOWN_EXTENSION_NAMESPACES[extension.toLowerCase()];
  return namespace ? `${namespace}/${extension}` : type;
}

/** Recognises the classic child form of an extension resource (e.g. diagnostic settings). */
export function splitProvidersForm(type: string, name: Value): ProvidersForm | undefined {
  const marker = type.toLowerCase().indexOf('/providers/');
  if (marker < 0) return undefined;
  const targetType = type.slice(0, marker);
  const extensionTypes = type.slice(marker + '/providers/'.length).split('/');
  const targetNameCount = targetType.split('/').length - 1;
  const names = nameSegments(name);
  if (names.length !== targetNameCount + 1 + extensionTypes.length) return undefined;
  const namespace = names[targetNameCount];
  if (typeof namespace !== 'string') return undefined;
  return {
    targetType,
    targetName: text(joinSegments(names.slice(0, targetNameCount))),
    type: [namespace, ...extensionTypes].join('/'),
    name: text(joinSegments(names.slice(targetNameCount + 1))),
  };
}

function joinSegments(segments: Value[]): Value[] {
  return segments.flatMap((segment, i) => (i === 0 ? [segment] : ['/', segment]));
}

/**
 * What an extension resource deployed without `scope` is on: the scope it is deployed at, which is
 * its ID less its own `/providers/<namespace>/<type>/<name>` (`segment` is that start, in lower case).
 */
export function deployedAtScope(id: Value, segment: string): Value | undefined {
  const parts = typeof id === 'string' ? [id] : isSymbolic(id) ? (id.parts ?? []) : [];
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const part = parts[i];
    if (typeof part !== 'string') continue;
    const at = part.toLowerCase().lastIndexOf(segment);
    if (at >= 0) return text([...parts.slice(0, i), part.slice(0, at)]);
  }
  return undefined;
}
