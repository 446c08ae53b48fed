import fs from 'node:fs';
import type { InputResult } from '../rules/finding';
import { JsonLocator } from '../locate/json-locator';
import { LineIndex } from '../locate/line-index';
import { expandTemplate } from '../template/expand/expand-template';
import type { Value } from '../template/expressions/value';
import { JsonSyntaxError, parseJsonWithPositions } from '../template/parse-json';
import { problemFinding, syntaxFinding } from './problem-findings';
import { ruleFindings } from './run-rules';

/** Analyses an ARM template `.json` file: findings are on its own lines. */
export async function analyzeArmTemplate(file: string, parameters: ReadonlyMap<string, Value>): Promise<InputResult> {
  const text = fs.readFileSync(file, 'utf8');
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
        syntaxFinding(p, { file, range: { start: lines.positionAt(p.offset), end: lines.positionAt(p.offset + p.length) } }),
      ),
    };
  }
  const locator = new JsonLocator(doc);
  const expansion = expandTemplate(doc, { parameters });
  return {
    file,
    status: 'analysed',
    findings: [
      ...expansion.problems.map((p) => problemFinding(p, locator.toLocation(p.at))),
      ...ruleFindings(expansion.instances, locator),
    ],
  };
}
