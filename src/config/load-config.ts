import fs from 'node:fs';
import path from 'node:path';
import type { FindingLevel } from '../rules/finding';
import { findRule, RULES } from '../rules/index';
import { closestName } from '../rules/closest-name';
import { JsonSyntaxError, parseJsonWithPositions } from '../template/parse-json';
import { validateAgainstSchema } from '../template/validate';

export const CONFIG_FILE = '.bicep-audit.json';

export type RuleSetting = FindingLevel | 'off';

/** The user's choices, with every rule named by its canonical id. */
export interface Config {
  file?: string;
  rules: ReadonlyMap<string, RuleSetting>;
}

export class ConfigError extends Error {}

/**
 * Reads `--config <file>`, or `.bicep-audit.json` in the working folder when there is one.
 * Rules may be named by id or alias; an unknown name is an error with a suggestion.
 */
export function loadConfig(cwd: string, explicit: string | undefined): Config {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, CONFIG_FILE);
  if (!explicit && !fs.existsSync(file)) return { rules: new Map() };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the config ${file}: ${(error as Error).message}`);
  }
  let value;
  try {
    value = parseJsonWithPositions(file, text).value;
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new ConfigError(`the config ${file} is not valid JSON: ${error.message}`);
    throw error;
  }
  const problems = validateAgainstSchema('config', value);
  if (problems.length > 0) throw new ConfigError(`the config ${file} is invalid: ${problems.map((p) => p.message).join('; ')}`);
  const rules = new Map<string, RuleSetting>();
  const settings = ((value as { rules?: Record<string, RuleSetting> }).rules ?? {}) as Record<string, RuleSetting>;
  for (const [name, setting] of Object.entries(settings)) {
    const rule = findRule(name);
    if (!rule) {
      const names = RULES.flatMap((r) => [r.id, ...r.meta.aliases]);
      const suggestion = closestName(name, names);
      throw new ConfigError(`the config ${file} names an unknown rule '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
    }
    rules.set(rule.id, setting);
  }
  return { file, rules };
}
