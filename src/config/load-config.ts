import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { isRepositoryRoot } from '../discover/repository-root';
import { LineIndex } from '../locate/line-index';
import { closestName } from '../rules/closest-name';
import type { FindingLevel } from '../rules/finding';
import { findRule, RULES } from '../rules/index';
import type { JsonValue, Value } from '../template/expressions/value';
import { JsonSyntaxError, parseJsonWithPositions, spanAtPath, stripBom, type ParsedJson } from '../template/parse-json';
import { validateAgainstSchema } from '../template/validate';

export const CONFIG_FILE = 'bicep-audit.json';

export type RuleSetting = FindingLevel | 'off';

/** The user's choices, with every rule named by its canonical id. */
export interface Config {
  /** The file it came from; absent for the built-in defaults (no file found). */
  file?: string;
  /** Canonical rule id → setting (aliases resolved). */
  rules: ReadonlyMap<string, RuleSetting>;
  /** Globs as written, relative to the config file's folder. */
  exclude: readonly string[];
  parameters: ReadonlyMap<string, Value>;
}

/** A config that cannot be read or is invalid; the message names the file, line and column of each problem. */
export class ConfigError extends Error {}

/** A config with its `exclude` globs compiled. */
interface Loaded {
  config: Config;
  isExcluded(absolute: string): boolean;
}

interface ConfigJson {
  rules?: Record<string, RuleSetting | null>;
  exclude?: string[];
  parameters?: Record<string, JsonValue>;
}

interface Problem {
  offset: number;
  message: string;
}

const DEFAULTS: Loaded = { config: { rules: new Map(), exclude: [], parameters: new Map() }, isExcluded: () => false };

// strictBrackets and debug make picomatch throw on a broken pattern instead of reading it literally or matching nothing.
const GLOB_OPTIONS = { dot: true, strictBrackets: true, debug: true };

/** Finds and reads configs; one per run. */
export class ConfigResolver {
  private readonly cwd: string;
  private readonly explicit: Loaded | undefined;
  /** Folder → the config that applies there: each config file is read once per run. */
  private readonly byFolder = new Map<string, Loaded>();

  /** `explicit` (`--config`) is resolved against `cwd` and read now, so a bad one fails here. */
  constructor(options: { explicit?: string; cwd: string }) {
    this.cwd = options.cwd;
    this.explicit = options.explicit === undefined ? undefined : readConfig(path.resolve(options.cwd, options.explicit));
  }

  /** The config that applies to a file (discovery from the file's folder upward, or the explicit one). */
  configFor(file: string): Config {
    return this.loadedFor(path.resolve(this.cwd, file)).config;
  }

  /** Whether the file matches an `exclude` glob of its config (relative to that config's folder). */
  isExcluded(file: string): boolean {
    const absolute = path.resolve(this.cwd, file);
    return this.loadedFor(absolute).isExcluded(absolute);
  }

  private loadedFor(file: string): Loaded {
    return this.explicit ?? this.inFolder(path.dirname(file));
  }

  /** The first config in the folder or above it, stopping after the repository root (the folder holding `.git`). */
  private inFolder(folder: string): Loaded {
    let loaded = this.byFolder.get(folder);
    if (!loaded) {
      const parent = path.dirname(folder);
      const candidate = path.join(folder, CONFIG_FILE);
      if (fs.existsSync(candidate)) loaded = readConfig(candidate);
      else if (isRepositoryRoot(folder) || parent === folder) loaded = DEFAULTS;
      else loaded = this.inFolder(parent);
      this.byFolder.set(folder, loaded);
    }
    return loaded;
  }
}

function readConfig(file: string): Loaded {
  let text: string;
  try {
    text = stripBom(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read the config ${file}: ${(error as Error).message}`);
  }
  let doc: ParsedJson;
  try {
    doc = parseJsonWithPositions(file, text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw configError(file, text, error.problems);
    throw error;
  }
  const schemaProblems = validateAgainstSchema('config', doc.value);
  if (schemaProblems.length > 0) {
    throw configError(file, text, schemaProblems.map((p) => ({ offset: spanAtPath(doc, p.path).offset, message: p.message })));
  }
  const json = doc.value as ConfigJson;
  const problems: Problem[] = [];
  const rules = new Map<string, RuleSetting>();
  for (const [name, setting] of Object.entries(json.rules ?? {})) {
    const rule = findRule(name);
    if (!rule) problems.push({ offset: spanAtPath(doc, ['rules', name], true).offset, message: unknownRule(name) });
    else if (setting !== null) rules.set(rule.id, setting); // validation, as ARM does, reads null as absent
  }
  const exclude = json.exclude ?? [];
  const matchers = exclude.flatMap((glob, i) => {
    try {
      return [picomatch(glob, GLOB_OPTIONS)];
    } catch (error) {
      const message = `${pointer(['exclude', i])} is not a valid glob: ${(error as Error).message}`;
      problems.push({ offset: spanAtPath(doc, ['exclude', i]).offset, message });
      return [];
    }
  });
  if (problems.length > 0) throw configError(file, text, problems);
  const folder = path.dirname(file);
  return {
    config: { file, rules, exclude, parameters: new Map(Object.entries(json.parameters ?? {})) },
    isExcluded: (absolute) => {
      const relative = path.relative(folder, absolute).split(path.sep).join('/');
      return matchers.some((matches) => matches(relative));
    },
  };
}

function unknownRule(name: string): string {
  const suggestion = closestName(name, RULES.flatMap((r) => [r.id, ...r.meta.aliases]));
  const fix = suggestion ? `did you mean '${suggestion}'?` : 'run bicep-audit rules to list them';
  return `${pointer(['rules', name])} is not a rule id or alias; ${fix}`;
}

/** A JSON pointer, written as the schema validator writes them. */
function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** One line per problem, in the file's order: `file:line:column: message`. */
function configError(file: string, text: string, problems: readonly Problem[]): ConfigError {
  const lines = new LineIndex(text);
  const located = [...problems].sort((a, b) => a.offset - b.offset).map((p) => {
    const { line, character } = lines.positionAt(p.offset);
    return `${file}:${line + 1}:${character + 1}: ${p.message}`;
  });
  return new ConfigError(located.join('\n'));
}
