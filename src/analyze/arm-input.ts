import fs from 'node:fs';
import type { InputResult } from '../rules/finding';
import { JsonLocator } from '../locate/json-locator';
import { LineIndex } from '../locate/line-index';
import type { DeploymentContext } from '../template/expand/deployment-scope';
import { declaredParameters } from '../template/declared-parameters';
import { expandTemplate } from '../template/expand/expand-template';
import type { Value } from '../template/expressions/value';
import type { JsonValue } from '../template/expressions/value';
import { JsonSyntaxError, parseJsonWithPositions, spanAtPath, stripBom } from '../template/parse-json';
import { inputFinding, problemFinding, syntaxFinding } from './problem-findings';
import { DEFAULT_RULES, ruleFindings, type RuleSelection } from './run-rules';

/** Why a JSON document is not a deployment template, judged by its `$schema`. */
function notATemplate(value: JsonValue): string | undefined {
  const schema = value !== null && typeof value === 'object' && !Array.isArray(value) ? value.$schema : undefined;
  if (typeof schema !== 'string') return 'it has no $schema, so it is not an ARM deployment template';
  if (/deploymentparameters/i.test(schema)) return 'it is an ARM parameters file; pass it with --parameters';
  if (!/deploymenttemplate/i.test(schema)) return `its $schema (${schema}) is not an ARM deployment template schema`;
  return undefined;
}

/** Analyses an ARM template `.json` file: findings are on its own lines. */
export async function analyzeArmTemplate(
  file: string,
  parameters: ReadonlyMap<string, Value>,
  rules: RuleSelection = DEFAULT_RULES,
  deployment: DeploymentContext = {},
): Promise<InputResult> {
  const text = stripBom(fs.readFileSync(file, 'utf8'));
  let doc;
  try {
    doc = parseJsonWithPositions(file, text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const lines = new LineIndex(text);
    return {
      file,
      status: 'failed',
      findings: error.problems.map((p) =>
        syntaxFinding(p, { file, range: lines.rangeOf(p.offset, p.offset + p.length) }),
      ),
    };
  }
  const locator = new JsonLocator(doc);
  const notTemplate = notATemplate(doc.value);
  if (notTemplate) {
    const at = locator.toLocation(spanAtPath(doc, ['$schema']));
    return { file, status: 'failed', findings: [inputFinding(file, notTemplate, at)] };
  }
  const expansion = expandTemplate(doc, { parameters, deployment });
  const ruleRun = ruleFindings(expansion, locator, rules);
  return {
    file,
    status: 'analysed',
    findings: [...expansion.problems.map((p) => problemFinding(p, locator.toLocation(p.at))), ...ruleRun.findings],
    evaluations: ruleRun.evaluations,
    declaredParameters: declaredParameters(doc.value),
  };
}
