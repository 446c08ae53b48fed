export type { Call, Expr, IndexAccess, NumberLiteral, ParsedExpression, PropertyAccess, StringLiteral } from './ast';
export type { EvalContext } from './context';
export { ExpressionError, FunctionError, type ExpressionErrorOptions } from './errors';
export { evaluateExpression, evaluateString, evaluateTemplateValue } from './evaluate';
export { MAX_EVALUATION_DEPTH, MAX_EVALUATION_STEPS, MAX_NESTING_DEPTH, MAX_RANGE_COUNT, MAX_STRING_LENGTH } from './limits';
export { isExpression, parseExpression, parseTemplateString, type TemplateString } from './parse';
export { sameValue } from './same-value';
export {
  containsSymbolic,
  isLambda,
  isSymbolic,
  isValueObject,
  keyOf,
  mergeOrigins,
  opaque,
  originsOf,
  quote,
  symbolicIndex,
  symbolicProperty,
  text,
  toJsonOrUndefined,
  typeOfValue,
} from './symbolic';
export { Symbolic, type JsonValue, type LambdaValue, type Origin, type SymbolicType, type Value, type ValueObject } from './value';
