import fs from 'node:fs';
import type { BicepCompiler, BicepDiagnostic, Range } from '../bicep/compile-output';
import type { RuleSetting } from '../config/load-config';
import { BicepCliError } from '../bicep/errors';
import { BicepLocator } from '../locate/bicep-locator';
import { JsonLocator } from '../locate/json-locator';
import type { Locator } from '../locate/locator';
import { FILE_START, LineIndex } from '../locate/line-index';
import type { Finding, FindingLevel, InputResult } from '../rules/finding';
import { expandTemplate } from '../template/expand/expand-template';
import type { ExpansionProblem, ResourceInstance } from '../template/expand/instance';
import type { Value } from '../template/expressions/value';
import { isWithinPath, JsonSyntaxError, parseJsonWithPositions } from '../template/parse-json';
import { ParameterFileError, readParameterValues } from '../template/parameter-file';
import { inputFinding, problemFinding } from './problem-findings';
import { restoreFailureFindings } from './registry-modules';
import { ruleFindings } from './run-rules';
import { usingTarget } from './source-checks';

const DIAGNOSTIC_LEVELS: Record<BicepDiagnostic['level'], FindingLevel> = { error: 'error', warning: 'warning', info: 'note' };

// Bicep ends a linter diagnostic's message with its docs link: ` [https://aka.ms/bicep/linter/…]`.
const TRAILING_LINK = /\s*\[(https:\/\/[^\]\s]+)\]\s*$/;

function diagnosticFinding(d: BicepDiagnostic): Finding {
  const link = TRAILING_LINK.exec(d.message);
  return {
    ruleId: d.code,
    level: DIAGNOSTIC_LEVELS[d.level],
    kind: 'fail',
    message: link ? d.message.slice(0, link.index) : d.message,
    location: { file: d.file, range: d.range },
    relatedLocations: [],
    ...(link ? { helpUri: link[1]! } : {}),
  };
}

/** The instance whose declaration holds a problem of the compiled template, if any. */
function instanceAround(problem: ExpansionProblem, instances: readonly ResourceInstance[]): ResourceInstance | undefined {
  const path = problem.jsonPath ?? [];
  let best: ResourceInstance | undefined;
  for (const instance of instances) {
    if (isWithinPath(path, instance.jsonPath) && (!best || instance.jsonPath.length > best.jsonPath.length)) best = instance;
  }
  return best;
}

function compiledDocument(file: string, template: string, parameters: string | undefined) {
  try {
    return {
      doc: parseJsonWithPositions(file, template),
      parameters: parameters === undefined ? new Map<string, Value>() : readParameterValues(file, parameters),
    };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError) && !(error instanceof ParameterFileError)) throw error;
    throw new BicepCliError('the Bicep CLI returned a template that bicep-audit cannot read', `compile ${file}`, undefined, error.message, {
      cause: error,
    });
  }
}

/** The Bicep file whose declarations hold the findings: for a `.bicepparam`, the one it uses. */
function templateFileOf(file: string): string {
  if (!file.endsWith('.bicepparam')) return file;
  return usingTarget(file, fs.readFileSync(file, 'utf8'))?.file ?? file;
}

/** Where a `.bicepparam` file says `using none`, if it does. */
function usingNone(file: string): Range | undefined {
  if (!file.endsWith('.bicepparam')) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const match = /^[ \t]*(using\s+none)\b/m.exec(text);
  if (!match) return undefined;
  const start = match.index + match[0].indexOf(match[1]!);
  return new LineIndex(text).rangeOf(start, start + match[1]!.length);
}

/** Parameter values from the config file and from the command line. */
export interface ParameterValues {
  config: ReadonlyMap<string, Value>;
  overrides: ReadonlyMap<string, Value>;
}

/** Compiles a `.bicep` or `.bicepparam` entry and analyses the template it deploys. */
export async function analyzeBicep(
  compiler: BicepCompiler,
  file: string,
  values: ParameterValues,
  ruleSettings: ReadonlyMap<string, RuleSetting>,
): Promise<InputResult> {
  const output = await compiler.compile(file);
  const unfetched = restoreFailureFindings(file, output.diagnostics);
  if (unfetched) return { file, status: 'failed', findings: unfetched };
  const findings = output.diagnostics.map(diagnosticFinding);
  if (!output.success) return { file, status: 'failed', findings };
  if (output.template === undefined) {
    const none = usingNone(file);
    const reason = none
      ? 'it declares `using none`: a base parameter file deploys no template of its own; audit the .bicepparam files that extend it'
      : 'the Bicep CLI compiled it but returned no template';
    return { file, status: 'failed', findings: [...findings, inputFinding(file, reason, { file, range: none ?? FILE_START })] };
  }
  const templateFile = templateFileOf(file);
  // `using 'main.json'`: the template is the user's own JSON, and findings are on its lines.
  const usesJson = /\.jsonc?$/i.test(templateFile);
  const compiled = compiledDocument(usesJson ? templateFile : file, usesJson ? fs.readFileSync(templateFile, 'utf8') : output.template, output.parameters);
  const { doc } = compiled;
  // A .bicepparam file's values win over the config's; the command line's win over both.
  const parameters = new Map([...values.config, ...compiled.parameters, ...values.overrides]);
  const expansion = expandTemplate(doc, { parameters });
  const jsonLocator = usesJson ? new JsonLocator(doc) : undefined;
  const locator: Locator = jsonLocator ?? (await BicepLocator.create(templateFile, doc));
  for (const problem of expansion.problems) {
    const instance = instanceAround(problem, expansion.instances);
    const outside = jsonLocator?.toLocation(problem.at) ?? { file, range: FILE_START };
    findings.push(problemFinding(problem, instance ? locator.locate({ instance }) : outside));
  }
  findings.push(...ruleFindings(expansion.instances, locator, ruleSettings));
  return { file, status: 'analysed', findings };
}
