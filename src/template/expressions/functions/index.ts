import { collectionFunctions } from './collections';
import { conversionFunctions } from './conversions';
import { dateFunctions } from './dates';
import type { ArmFunction } from './define';
import { deploymentFunctions, listFunction } from './deployment';
import { encodingFunctions } from './encoding';
import { formattingFunctions } from './formatting';
import { hashFunctions } from './hashes';
import { lambdaFunctions } from './lambdas';
import { logicFunctions } from './logic';
import { networkFunctions } from './network';
import { numericFunctions } from './numeric';
import { resourceIdFunctions } from './resource-ids';
import { stringFunctions } from './strings';

export const builtinFunctions: readonly ArmFunction[] = [
  ...collectionFunctions,
  ...conversionFunctions,
  ...dateFunctions,
  ...deploymentFunctions,
  ...encodingFunctions,
  ...formattingFunctions,
  ...hashFunctions,
  ...lambdaFunctions,
  ...logicFunctions,
  ...networkFunctions,
  ...numericFunctions,
  ...resourceIdFunctions,
  ...stringFunctions,
];

const byName = new Map(builtinFunctions.map((f) => [f.name.toLowerCase(), f]));

/** A built-in function by name, ignoring case as ARM does; any `list*` name is a runtime list function. */
export function lookupFunction(name: string): ArmFunction | undefined {
  const lower = name.toLowerCase();
  return byName.get(lower) ?? (lower.startsWith('list') ? listFunction(name) : undefined);
}
