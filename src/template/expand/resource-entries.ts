import type { JsonValue } from '../expressions/value';

export type JsonObject = { [key: string]: JsonValue };
export type JsonPath = (string | number)[];

/** One resource declaration of a template, as written (not yet evaluated). */
export interface ResourceEntry {
  /** The symbolic-name key, or `resources[i]` (with `.resources[j]` for nested children) in a classic template. */
  symbolicName: string;
  json: JsonObject;
  path: JsonPath;
  /** A child declared in a classic parent's `resources` array: its type and name are relative. */
  parent?: ResourceEntry;
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function classicEntries(items: JsonValue[], path: JsonPath, prefix: string, parent?: ResourceEntry): ResourceEntry[] {
  return items.flatMap((json, i) => {
    if (!isObject(json)) return [];
    const entry: ResourceEntry = { symbolicName: `${prefix}resources[${i}]`, json, path: [...path, i], parent };
    const children = Array.isArray(json.resources) ? json.resources : [];
    return [entry, ...classicEntries(children, [...path, i, 'resources'], `${entry.symbolicName}.`, entry)];
  });
}

/** The resource declarations of a template in either form, classic children flattened after their parent. */
export function resourceEntries(template: JsonObject, templatePath: JsonPath): ResourceEntry[] {
  const resources = template.resources;
  const path = [...templatePath, 'resources'];
  if (Array.isArray(resources)) return classicEntries(resources, path, '');
  if (!isObject(resources)) return [];
  return Object.entries(resources).flatMap(([symbolicName, json]) =>
    isObject(json) ? [{ symbolicName, json, path: [...path, symbolicName] }] : [],
  );
}

export const DEPLOYMENTS_TYPE = 'microsoft.resources/deployments';

/**
 * A nested deployment whose template is inline: written out (a Bicep module, an ARM nested
 * template) or given by an expression (`loadJsonContent('x.json')` compiles to a variable).
 */
export function isModule(entry: ResourceEntry): boolean {
  return (
    typeof entry.json.type === 'string' &&
    entry.json.type.toLowerCase() === DEPLOYMENTS_TYPE &&
    isObject(entry.json.properties) &&
    (isObject(entry.json.properties.template) || typeof entry.json.properties.template === 'string')
  );
}

/** A nested deployment whose template is not inline: a `templateLink` (URI, relative path or template spec). */
export function isLinkedDeployment(entry: ResourceEntry): boolean {
  return (
    typeof entry.json.type === 'string' &&
    entry.json.type.toLowerCase() === DEPLOYMENTS_TYPE &&
    isObject(entry.json.properties) &&
    !isModule(entry)
  );
}
