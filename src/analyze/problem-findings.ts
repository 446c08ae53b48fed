import type { Finding, SourceLocation } from '../rules/finding';
import type { ExpansionProblem } from '../template/expand/instance';
import type { JsonSyntaxProblem } from '../template/parse-json';

/** Rule ids for what the tool itself finds wrong with a template, by problem kind. */
export const PROBLEM_RULE_IDS = {
  structure: 'template-structure',
  evaluation: 'template-evaluation',
  limit: 'template-limit',
  syntax: 'json-syntax',
} as const;

export function problemFinding(problem: ExpansionProblem, location: SourceLocation): Finding {
  const evaluation = problem.kind === 'evaluation';
  return {
    ruleId: PROBLEM_RULE_IDS[problem.kind],
    // An expression the tool could not evaluate leaves the outcome open: a person must look.
    level: evaluation ? 'warning' : 'error',
    kind: evaluation ? 'review' : 'fail',
    message: problem.jsonPath && problem.jsonPath.length > 0 ? `${problem.message} (at ${formatJsonPath(problem.jsonPath)})` : problem.message,
    location,
    relatedLocations: [],
  };
}

/** An input that cannot be analysed at all, at the place that shows why. */
export function inputFinding(file: string, reason: string, location: SourceLocation): Finding {
  return { ruleId: 'input', level: 'error', kind: 'fail', message: `cannot analyse ${file}: ${reason}`, location, relatedLocations: [] };
}

export function syntaxFinding(problem: JsonSyntaxProblem, location: SourceLocation): Finding {
  return { ruleId: PROBLEM_RULE_IDS.syntax, level: 'error', kind: 'fail', message: problem.message, location, relatedLocations: [] };
}

/** `$.resources.acr.properties.logs[0]` */
export function formatJsonPath(path: readonly (string | number)[]): string {
  return `$${path.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `['${s}']`)).join('')}`;
}
