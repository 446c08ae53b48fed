import fs from 'node:fs';
import type { BicepCompiler, BicepDiagnostic } from '../bicep/compile-output';
import type { RuleSetting } from '../config/load-config';
import { BicepCliError } from '../bicep/errors';
import { BicepLocator } from '../locate/bicep-locator';
import { FILE_START } from '../locate/line-index';
import type { Finding, FindingLevel, InputResult } from '../rules/finding';
import { expandTemplate } from '../template/expand/expand-template';
import type { ExpansionProblem, ResourceInstance } from '../template/expand/instance';
import type { Value } from '../template/expressions/value';
import { isWithinPath, JsonSyntaxError, parseJsonWithPositions } from '../template/parse-json';
import { ParameterFileError, readParameterValues } from '../template/parameter-file';
import { problemFinding } from './problem-findings';
import { ruleFindings } from './run-rules';
import { usingTarget } from './source-checks';

const DIAGNOSTIC_LEVELS: Record<BicepDiagnostic['level'], FindingLevel> = { error: 'error', warning: 'warning', info: 'note' };

function diagnosticFinding(d: BicepDiagnostic): Finding {
  return {
    ruleId: d.code,
    level: DIAGNOSTIC_LEVELS[d.level],
    kind: 'fail',
    message: d.message,
    location: { file: d.file, range: d.range },
    relatedLocations: [],
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
  const findings = output.diagnostics.map(diagnosticFinding);
  if (!output.success || output.template === undefined) return { file, status: 'failed', findings };
  const compiled = compiledDocument(file, output.template, output.parameters);
  const { doc } = compiled;
  // A .bicepparam file's values win over the config's; the command line's win over both.
  const parameters = new Map([...values.config, ...compiled.parameters, ...values.overrides]);
  const expansion = expandTemplate(doc, { parameters });
  const locator = await BicepLocator.create(templateFileOf(file), doc);
  for (const problem of expansion.problems) {
    const instance = instanceAround(problem, expansion.instances);
    const location = instance ? locator.locate({ instance }) : { file, range: FILE_START };
    findings.push(problemFinding(problem, location));
  }
  findings.push(...ruleFindings(expansion.instances, locator, ruleSettings));
  return { file, status: 'analysed', findings };
}
