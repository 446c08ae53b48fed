import { opaque } from './expressions/symbolic';
import type { JsonValue, Value } from './expressions/value';
import { parseJsonWithPositions } from './parse-json';

export class ParameterFileError extends Error {}

/**
 * Reads an ARM parameters document (`{ parameters: { name: { value } } }`); a Key Vault
 * `reference` becomes a value known only at deployment.
 */
export function readParameterValues(file: string, text: string): Map<string, Value> {
  const { value } = parseJsonWithPositions(file, text);
  const parameters = value !== null && typeof value === 'object' && !Array.isArray(value) ? value.parameters : undefined;
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) {
    throw new ParameterFileError(`${file} is not a parameters file: it has no "parameters" object`);
  }
  const values = new Map<string, Value>();
  for (const [name, entry] of Object.entries(parameters)) {
    const body = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? entry : {};
    if ('value' in body) values.set(name, body.value as JsonValue);
    else if ('reference' in body) {
      values.set(name, opaque(`parameters('${name}')`, [], 'any', [{ kind: 'runtime', name: `Key Vault reference for '${name}'` }]));
    } else {
      throw new ParameterFileError(`parameter '${name}' in ${file} has neither "value" nor "reference"`);
    }
  }
  return values;
}

/** `name=value` from the command line: JSON when it parses as JSON, otherwise a string. */
export function parseParameterOverride(text: string): [string, Value] {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new ParameterFileError(`--param takes name=value, not '${text}'`);
  const raw = text.slice(equals + 1);
  try {
    return [text.slice(0, equals), JSON.parse(raw) as JsonValue];
  } catch {
    return [text.slice(0, equals), raw];
  }
}
