import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { isRepositoryRoot } from '../discover/repository-root';
import { LineIndex } from '../locate/line-index';
import type { Finding, FindingLevel, Suppression } from '../rules/finding';
import { auditLogRule } from '../rules/audit-logs/audit-log-rule';
import { declaredRequirement, type DeclaredAuditLog } from '../rules/audit-logs/declared';
import { findRule, unknownRuleFix } from '../rules/index';
import type { Rule } from '../rules/rule';
import { describeValue } from '../template/describe-value';
import type { DeploymentContext } from '../template/expand/deployment-scope';
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
  /** The rules of the config's `auditLogs`, run beside the built-in ones. */
  declaredRules: readonly Rule[];
  /** The `auditLogs` entries as written: what a kept result must have been made with. */
  auditLogs: readonly DeclaredAuditLog[];
  /** Globs as written, relative to the config file's folder. */
  exclude: readonly string[];
  parameters: ReadonlyMap<string, Value>;
  /** Where the entry templates deploy; the command line's values win. */
  deployment: DeploymentContext;
  suppressions: readonly ConfigSuppression[];
  /** How `--fix` writes what it adds. */
  fix: FixConfig;
  /** `baseline`: the baseline file, resolved against the config's folder. */
  baseline?: string;
}

export interface FixConfig {
  /** Add the `audit` category group instead of one entry per missing category. */
  categoryGroup: boolean;
}

/** An entry of `suppressions`: the rules (canonical ids) it suppresses for the resources whose name matches a glob. */
export interface ConfigSuppression {
  rules: readonly string[];
  /** Globs as written, matched against the whole instance name in any letter case. */
  names: readonly string[];
  reason: string;
}

/** A config that cannot be read or is invalid; the message names the file, line and column of each problem. */
export class ConfigError extends Error {}

/** A config with its globs compiled. */
interface Loaded {
  config: Config;
  isExcluded(absolute: string): boolean;
  suppressionOf(finding: Finding): Suppression | undefined;
}

interface ConfigJson {
  rules?: Record<string, RuleSetting | null>;
  exclude?: string[];
  parameters?: Record<string, JsonValue>;
  deployment?: DeploymentContext;
  suppressions?: { rules: string[]; names: string[]; reason: string }[];
  auditLogs?: DeclaredAuditLog[];
  fix?: { logEntries?: 'categories' | 'categoryGroup' };
  baseline?: string;
}

interface Problem {
  offset: number;
  message: string;
}

const DEFAULTS: Loaded = {
  config: { rules: new Map(), declaredRules: [], auditLogs: [], exclude: [], parameters: new Map(), deployment: {}, suppressions: [], fix: { categoryGroup: false } },
  isExcluded: () => false,
  suppressionOf: () => undefined,
};

// strictBrackets and debug make picomatch throw on a broken pattern instead of reading it literally or matching nothing.
const GLOB_OPTIONS = { dot: true, strictBrackets: true, debug: true };
// Resource names are not paths: `*` also matches the `/` of `parent/child` and of an unknown part's expression; Azure ignores their case.
const NAME_GLOB_OPTIONS = { ...GLOB_OPTIONS, bash: true, nocase: true };

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

  /**
   * The `external` suppression that the config of an input makes for one of its rule findings:
   * the first entry that names the rule and a glob matching the instance's name as the JSON report
   * writes it (`parent/child` for a child resource, a part known only at deployment as `{expression}`).
   */
  suppressionFor(input: string, finding: Finding): Suppression | undefined {
    return this.loadedFor(path.resolve(this.cwd, input)).suppressionOf(finding);
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
  const declaredRules: Rule[] = [];
  (json.auditLogs ?? []).forEach((entry, i) => {
    const taken = findRule(entry.id, declaredRules);
    if (taken) {
      const at = ['auditLogs', i, 'id'];
      const whose = taken.meta.declaredIn ? 'a rule declared before it' : 'a built-in rule';
      problems.push({ offset: spanAtPath(doc, at).offset, message: `${pointer(at)} '${entry.id}' is already ${whose} (${taken.id}); choose another id` });
    } else {
      declaredRules.push(auditLogRule(declaredRequirement(entry, file)));
    }
  });
  /** The canonical id of a rule the config names at `at`; an unknown name is a problem there. */
  const ruleId = (name: string, at: (string | number)[], atKey = false) => {
    const rule = findRule(name, declaredRules);
    if (!rule) problems.push({ offset: spanAtPath(doc, at, atKey).offset, message: `${pointer(at)} is not a rule id or alias; ${unknownRuleFix(name, declaredRules)}` });
    return rule?.id;
  };
  /** A glob the config holds at `at`; a broken one is a problem there. */
  const glob = (pattern: string, at: (string | number)[], options: picomatch.PicomatchOptions) => {
    try {
      return [picomatch(pattern, options)];
    } catch (error) {
      problems.push({ offset: spanAtPath(doc, at).offset, message: `${pointer(at)} is not a valid glob: ${(error as Error).message}` });
      return [];
    }
  };
  const rules = new Map<string, RuleSetting>();
  for (const [name, setting] of Object.entries(json.rules ?? {})) {
    const id = ruleId(name, ['rules', name], true);
    if (id !== undefined && setting !== null) rules.set(id, setting); // validation, as ARM does, reads null as absent
  }
  const exclude = json.exclude ?? [];
  const excluded = exclude.flatMap((pattern, i) => glob(pattern, ['exclude', i], GLOB_OPTIONS));
  const suppressions = (json.suppressions ?? []).map((entry, i) => ({
    rules: [...new Set(entry.rules.flatMap((name, j) => ruleId(name, ['suppressions', i, 'rules', j]) ?? []))],
    names: entry.names,
    reason: entry.reason,
    matchers: entry.names.flatMap((pattern, j) => glob(pattern, ['suppressions', i, 'names', j], NAME_GLOB_OPTIONS)),
  }));
  if (problems.length > 0) throw configError(file, text, problems);
  const folder = path.dirname(file);
  return {
    config: {
      file,
      rules,
      declaredRules,
      auditLogs: json.auditLogs ?? [],
      exclude,
      parameters: new Map(Object.entries(json.parameters ?? {})),
      deployment: json.deployment ?? {},
      suppressions: suppressions.map(({ rules, names, reason }) => ({ rules, names, reason })),
      fix: { categoryGroup: json.fix?.logEntries === 'categoryGroup' },
      ...(json.baseline === undefined ? {} : { baseline: path.resolve(folder, json.baseline) }),
    },
    isExcluded: (absolute) => {
      const relative = path.relative(folder, absolute).split(path.sep).join('/');
      return excluded.some((matches) => matches(relative));
    },
    suppressionOf: (finding) => {
      if (!finding.instance) return undefined;
      const name = describeValue(finding.instance.name);
      const entry = suppressions.find((s) => s.rules.includes(finding.ruleId) && s.matchers.some((matches) => matches(name)));
      return entry && { kind: 'external', justification: entry.reason };
    },
  };
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
