import type { Expr } from './expressions/ast';
import { parseExpression } from './expressions/parse';
import { isSymbolic, isUnevaluated } from './expressions/symbolic';
import type { Symbolic, Value } from './expressions/value';

/** A piece longer than this is shown as `…`: a message names a resource, it does not quote a template. */
const MAX_PIECE = 48;
const ELIDED = '…';
/** A value whose expression failed: the evaluation finding beside it says why. */
export const NOT_EVALUATED = '{not evaluated}';

// How Bicep writes the IDs that the compiled template spells out in full.
const SCOPE_IDS: readonly [string, string][] = [
  ['/subscriptions/${subscription().subscriptionId}/resourceGroups/${resourceGroup().name}', '${resourceGroup().id}'],
  ['/subscriptions/${subscription().subscriptionId}', '${subscription().id}'],
];

const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${');

/** The inside of a Bicep string made of literals and Bicep expressions: `cr${token}`. */
function interpolated(pieces: readonly ({ literal: string } | { expression: string })[]): string {
  let inner = pieces.map((p) => ('literal' in p ? escape(p.literal) : `\${${p.expression}}`)).join('');
  for (const [full, short] of SCOPE_IDS) inner = inner.split(full).join(short);
  return inner;
}

/** A string: `'a${b}'`, or `b` alone when it is the whole string. */
function bicepString(inner: string): string {
  const whole = /^\$\{([^{}]*(?:\([^{}]*\))?[^{}]*)\}$/.exec(inner);
  return whole ? whole[1]! : `'${inner}'`;
}

/** An ARM expression as Bicep writes it: `parameters('token')` is `token`, `concat('cr', x)` is `'cr${x}'`. */
function bicepOf(expr: Expr): string {
  switch (expr.kind) {
    case 'string':
      return `'${escape(expr.value)}'`;
    case 'number':
      return String(expr.value);
    case 'property':
      return `${bicepOf(expr.target)}.${expr.name}`;
    case 'index':
      return `${bicepOf(expr.target)}[${bicepOf(expr.index)}]`;
    case 'call': {
      const [first] = expr.args;
      const plain = expr.namespace === undefined;
      if (plain && /^(parameters|variables)$/i.test(expr.name) && expr.args.length === 1 && first?.kind === 'string') return first.value;
      // A loop's index has the name the Bicep loop gives it, which the compiled template does not keep.
      if (plain && /^copyIndex$/i.test(expr.name)) return ELIDED;
      if (plain && /^concat$/i.test(expr.name) && expr.args.some((a) => a.kind === 'string')) {
        return bicepString(interpolated(expr.args.map((a) => (a.kind === 'string' ? { literal: a.value } : { expression: bicepOf(a) }))));
      }
      return `${plain ? '' : `${expr.namespace}.`}${expr.name}(${expr.args.map(bicepOf).join(', ')})`;
    }
  }
}

/** An unknown piece of a value, in Bicep, or `…` when it is long or has no expression to show. */
function pieceText(piece: Symbolic): string {
  if (isUnevaluated(piece)) return ELIDED;
  let text: string;
  try {
    text = bicepOf(parseExpression(piece.key).root);
  } catch {
    return ELIDED;
  }
  return text.length > MAX_PIECE ? ELIDED : text;
}

/**
 * A value known only at deployment as a person who writes Bicep reads it: `'cr${token}'`,
 * `registryName`, `'acr${uniqueString(resourceGroup().id)}'`; long or unreadable pieces as `…`.
 */
export function bicepText(value: Value): string {
  if (typeof value === 'string') return `'${escape(value)}'`;
  if (!isSymbolic(value)) return JSON.stringify(value);
  if (isUnevaluated(value)) return NOT_EVALUATED;
  if (!value.parts) return pieceText(value);
  return `'${interpolated(value.parts.map((p) => (typeof p === 'string' ? { literal: p } : { expression: pieceText(p) })))}'`;
}
