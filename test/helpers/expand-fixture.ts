import fs from 'node:fs';
import path from 'node:path';
import { describeValue } from '../../src/template/describe-value';
import { expandTemplate } from '../../src/template/expand/expand-template';
import type { Expansion } from '../../src/template/expand/instance';
import { isSymbolic } from '../../src/template/expressions/symbolic';
import type { Value } from '../../src/template/expressions/value';
import { parseJsonWithPositions } from '../../src/template/parse-json';

export const ARM_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'arm');

export function expandFixture(name: string, parameters: Record<string, Value> = {}): Expansion {
  const file = path.join(ARM_FIXTURES, name);
  return expandTemplate(parseJsonWithPositions(file, fs.readFileSync(file, 'utf8')), { parameters: new Map(Object.entries(parameters)) });
}

/**
 * An instance as a test reads it: IDs and names as text, conditions as true/false/`unknown: <key>`.
 * The resource-group lock each registry fixture ends with (for the lock rule) is left out.
 */
export function summarize(expansion: Expansion) {
  return expansion.instances.filter((i) => i.type !== 'Microsoft.Authorization/locks').map((i) => ({
    symbolicName: i.symbolicName,
    type: i.type,
    id: describeValue(i.id),
    ...(i.scope === undefined ? {} : { scope: describeValue(i.scope) }),
    condition: isSymbolic(i.condition) ? `unknown: ${i.condition.key}` : i.condition,
    existing: i.existing,
    chain: i.deploymentChain.map((l) => l.symbolicName),
    ...(i.loopIndex === undefined ? {} : { loopIndex: typeof i.loopIndex === 'number' ? i.loopIndex : i.loopIndex.key }),
  }));
}
