import type { JsonValue } from './expressions/value';

/** The names of the parameters a template declares, as written. */
export function declaredParameters(template: JsonValue): string[] {
  if (template === null || typeof template !== 'object' || Array.isArray(template)) return [];
  const parameters = template.parameters;
  return parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters) ? Object.keys(parameters) : [];
}
