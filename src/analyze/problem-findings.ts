import type { DirectiveName } from '../locate/suppressions';
import type { Finding, SourceLocation } from '../rules/finding';
import { unknownRuleFix } from '../rules/index';
import type { Rule } from '../rules/rule';
import type { ExpansionProblem } from '../template/expand/instance';
import type { JsonSyntaxProblem } from '../template/parse-json';

/** Rule ids for what the tool itself finds wrong with a template, by problem kind. */
export const PROBLEM_RULE_IDS = {
  structure: 'template-structure',
  evaluation: 'template-evaluation',
  limit: 'template-limit',
  syntax: 'json-syntax',
  input: 'input',
  directive: 'suppression-directive',
} as const;

/** What each of the tool's own finding ids means, for reports that describe every id they use. */
export const PROBLEM_RULES: Readonly<Record<string, { title: string; description: string }>> = {
  [PROBLEM_RULE_IDS.structure]: {
    title: 'Template structure',
    description: 'The template does not have the shape of an ARM deployment template, so it cannot be analysed.',
  },
  [PROBLEM_RULE_IDS.evaluation]: {
    title: 'Expression not evaluated',
    description: 'An expression could not be evaluated, so the rules may not see its value; review it by hand.',
  },
  [PROBLEM_RULE_IDS.limit]: {
    title: 'Analysis limit',
    description: 'The template exceeds a bound of the analysis (loop size, nesting depth or string size).',
  },
  [PROBLEM_RULE_IDS.syntax]: { title: 'JSON syntax', description: 'The file is not valid JSON.' },
  [PROBLEM_RULE_IDS.input]: {
    title: 'Input not analysed',
    description: 'The input could not be read or compiled, so no rule ran on it.',
  },
  [PROBLEM_RULE_IDS.directive]: {
    title: 'Suppression directive',
    description: 'A bicep-audit-disable-next-line comment names something that is not a rule id or alias, so it suppresses nothing for that name.',
  },
};

export function problemFinding(problem: ExpansionProblem, location: SourceLocation): Finding {
  const evaluation = problem.kind === 'evaluation';
  return {
    ruleId: PROBLEM_RULE_IDS[problem.kind],
    // An expression the tool could not evaluate leaves the outcome open: a person must look.
    level: evaluation ? 'warning' : 'error',
    kind: evaluation ? 'review' : 'fail',
    // The location shows where; a path in the compiled template means nothing to whoever reads Bicep.
    message: problem.message,
    location,
    relatedLocations: [],
  };
}

/** An input that cannot be analysed at all, at the place that shows why. */
export function inputFinding(file: string, reason: string, location: SourceLocation): Finding {
  return { ruleId: PROBLEM_RULE_IDS.input, level: 'error', kind: 'fail', message: `cannot analyse ${file}: ${reason}`, location, relatedLocations: [] };
}

/** A name in a `// bicep-audit-disable-next-line` comment that is no rule's id or alias, where it is written. */
export function unknownDirectiveNameFinding(name: DirectiveName, declared: readonly Rule[] = []): Finding {
  return {
    ruleId: PROBLEM_RULE_IDS.directive,
    level: 'warning',
    kind: 'fail',
    message: `bicep-audit-disable-next-line names '${name.text}', which is not a rule id or alias, so it suppresses nothing; ${unknownRuleFix(name.text, declared)}`,
    location: name.location,
    relatedLocations: [],
  };
}

export function syntaxFinding(problem: JsonSyntaxProblem, location: SourceLocation): Finding {
  return { ruleId: PROBLEM_RULE_IDS.syntax, level: 'error', kind: 'fail', message: problem.message, location, relatedLocations: [] };
}
