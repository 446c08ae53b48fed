import type { ErrorObject } from 'ajv';
import { isSymbolic } from './expressions/symbolic';
import type { Value } from './expressions/value';
import { baseline, config, diagnosticSettings, template } from './schema-validators';

export type SchemaName = 'template' | 'diagnostic-settings' | 'config' | 'baseline';

/** A structural problem: where (JSON path segments) and what. */
export interface SchemaProblem {
  path: (string | number)[];
  message: string;
}

/** A validator as ajv's standalone code writes it: its errors are left on the function. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

// Compiled from schemas/ ahead of time (scripts/build-validators.js).
const VALIDATORS: Record<SchemaName, Validator> = { template, 'diagnostic-settings': diagnosticSettings, config, baseline };

function pathOf(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the document' : error.instancePath;
  if (error.keyword === 'oneOf') return `${where} must have exactly one of 'category' or 'categoryGroup'`;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') {
    return `${where} has an unexpected property '${String(error.params.additionalProperty)}'`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

function valueAt(value: unknown, segments: (string | number)[]): unknown {
  return segments.reduce<unknown>((v, s) => (v !== null && typeof v === 'object' ? (v as never)[s] : undefined), value);
}

function containsSymbolicDeep(value: unknown): boolean {
  if (isSymbolic(value as Value)) return true;
  if (Array.isArray(value)) return value.some(containsSymbolicDeep);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsSymbolicDeep);
  return false;
}

/** ARM treats a member set to null as absent; so does validation. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object' || isSymbolic(value as Value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== null)
      .map(([key, member]) => [key, withoutNulls(member)]),
  );
}

// `if`/`then` and `not` errors repeat what the branch's own errors say.
const NOISE = new Set(['if', 'not']);

/**
 * Checks a value against one of the schemas in schemas/. Parts of the value that are not known
 * before deployment are skipped: an error at or over a symbolic member is not reported.
 */
export function validateAgainstSchema(name: SchemaName, value: unknown): SchemaProblem[] {
  const validate = VALIDATORS[name];
  value = withoutNulls(value);
  if (validate(value)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (NOISE.has(error.keyword)) continue;
    // A oneOf's branches report their own `required` errors; keep only the oneOf's summary.
    if (error.keyword === 'required' && error.schemaPath.includes('/oneOf/')) continue;
    const at = pathOf(error);
    if (containsSymbolicDeep(valueAt(value, at))) continue;
    const message = describe(error);
    if (seen.has(message)) continue;
    seen.add(message);
    // An unexpected property is shown at the property itself rather than at its object.
    problems.push({ path: error.keyword === 'additionalProperties' ? [...at, String(error.params.additionalProperty)] : at, message });
  }
  return problems;
}
