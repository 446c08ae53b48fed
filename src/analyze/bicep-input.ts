import fs from 'node:fs';
import { splitDocsLink, type BicepCompiler, type BicepDiagnostic, type CompileOutput } from '../bicep/compile-output';
import { followsFromFilesRead } from '../bicep/cached-compiler';
import { BicepCliError, BicepTimeoutError } from '../bicep/errors';
import { BicepLocator } from '../locate/bicep-locator';
import { JsonLocator } from '../locate/json-locator';
import type { Locator } from '../locate/locator';
import { FILE_START } from '../locate/line-index';
import type { Finding, FindingLevel, InputResult } from '../rules/finding';
import type { DeploymentContext } from '../template/expand/deployment-scope';
import { declaredParameters } from '../template/declared-parameters';
import { expandTemplate } from '../template/expand/expand-template';
import type { ExpansionProblem, ResourceInstance } from '../template/expand/instance';
import type { Value } from '../template/expressions/value';
import { isWithinPath, JsonSyntaxError, parseJsonWithPositions } from '../template/parse-json';
import { ParameterFileError, readParameterValues } from '../template/parameter-file';
import { inputFinding, problemFinding } from './problem-findings';
import { notFetchedInTime, restoreFailureFindings } from './registry-modules';
import { registryModules } from '../discover/local-files';
import { ruleFindings, type RuleSelection } from './run-rules';
import { usingNone, usingTarget } from './source-checks';

const DIAGNOSTIC_LEVELS: Record<BicepDiagnostic['level'], FindingLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Diagnostics of the entry first, then those of each other file by path, each file's in the CLI's
 * order: the CLI lints files side by side and lists them in the order they finished.
 */
function inFileOrder(entry: string, diagnostics: readonly BicepDiagnostic[]): BicepDiagnostic[] {
  const rank = (d: BicepDiagnostic) => (d.file === entry ? '' : d.file);
  return [...diagnostics].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

function diagnosticFinding(d: BicepDiagnostic): Finding {
  const { text, link } = splitDocsLink(d.message);
  return {
    ruleId: d.code,
    level: DIAGNOSTIC_LEVELS[d.level],
    kind: 'fail',
    message: text,
    location: { file: d.file, range: d.range },
    relatedLocations: [],
    ...(link ? { helpUri: link } : {}),
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

/** An input's result, with the files it follows from when nothing else decides it (it can be kept between runs). */
export interface BicepAnalysis {
  result: InputResult;
  filesRead?: readonly string[];
}

/** Compiles a `.bicep` or `.bicepparam` entry and analyses the template it deploys. */
export async function analyzeBicep(
  compiler: BicepCompiler,
  file: string,
  values: ParameterValues,
  rules: RuleSelection,
  /** The wait for a file that fetches registry modules, when the compiler fetches (not under `--no-restore`). */
  restoreTimeoutMs?: number,
  /** Where the template deploys (subscription, resource group, location, ...). */
  deployment: DeploymentContext = {},
): Promise<BicepAnalysis> {
  let output: CompileOutput;
  try {
    output = await compiler.compile(file);
  } catch (error) {
    // Bicep retries an unreachable registry for minutes: past the bound, one finding per module.
    const fetched = error instanceof BicepTimeoutError && restoreTimeoutMs !== undefined ? await registryModules(file) : [];
    if (fetched.length === 0) throw error;
    return { result: { file, status: 'failed', findings: notFetchedInTime(file, fetched, restoreTimeoutMs!) } };
  }
  const unfetched = restoreFailureFindings(file, output.diagnostics);
  if (unfetched) return { result: { file, status: 'failed', findings: unfetched } };
  const filesRead = (await followsFromFilesRead(file, output)) ? { filesRead: output.filesRead } : {};
  return { result: await analyzeCompiled(file, output, values, rules, deployment), ...filesRead };
}

async function analyzeCompiled(
  file: string,
  output: CompileOutput,
  values: ParameterValues,
  rules: RuleSelection,
  deployment: DeploymentContext,
): Promise<InputResult> {
  const findings = inFileOrder(file, output.diagnostics).map(diagnosticFinding);
  if (!output.success) return { file, status: 'failed', findings };
  if (output.template === undefined) {
    const none = file.endsWith('.bicepparam') ? usingNone(fs.readFileSync(file, 'utf8')) : undefined;
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
  const expansion = expandTemplate(doc, { parameters, deployment });
  const jsonLocator = usesJson ? new JsonLocator(doc) : undefined;
  const locator: Locator = jsonLocator ?? (await BicepLocator.create(templateFile, doc, output.declarations));
  for (const problem of expansion.problems) {
    const instance = instanceAround(problem, expansion.instances);
    const outside = jsonLocator?.toLocation(problem.at) ?? { file, range: FILE_START };
    findings.push(problemFinding(problem, instance ? locator.locate({ instance }) : outside));
  }
  const ruleRun = ruleFindings(expansion, locator, rules);
  findings.push(...ruleRun.findings);
  return { file, status: 'analysed', findings, evaluations: ruleRun.evaluations, declaredParameters: declaredParameters(doc.value) };
}
