// The public API of bicep-audit, for use as a library. Everything else is internal.

// Running an analysis, as the CLI does.
export { main, type MainOptions, type Writable } from './cli/main';
export { analyze, type Analysis, type AnalyzeOptions, type BicepCliInfo } from './analyze/analyze';
export { EXIT, exitCodeFor, type FailOn } from './cli/exit-codes';

// Results.
export type { Evaluation, Finding, FindingInstance, FindingKind, FindingLevel, InputResult, RelatedLocation, SourceLocation, Suppression } from './rules/finding';
export type { SourceFix, TextEdit } from './rules/source-fix';

// Fixes: planned for findings, applied and proved against the real Bicep CLI.
export { runFixes, type FixRequest, type FixStage } from './fix/run-fixes';
export type { FixOutcome } from './fix/apply-fixes';
export type { FixPreferences } from './fix/plan-fix';

// Rules.
export { RULES, findRule } from './rules/index';
export type { Rule, RuleMeta } from './rules/rule';

// Reports: pure functions of the results.
export { formatStylish } from './report/stylish';
export { formatJson } from './report/json';
export { formatSarif } from './report/sarif';
export { formatGithub } from './report/github';
export { formatCompact } from './report/compact';
export { formatGitlab } from './report/gitlab';
export { formatAzurePipelines } from './report/azure-pipelines';
export { formatJunit } from './report/junit';
export type { ReportContext, ReportedRule } from './report/report-context';

// Baselines: findings accepted once, so that a run fails only on new ones.
export { readBaseline, baselineText, BaselineError, type BaselineEntry } from './baseline/baseline-file';
export { applyBaseline, entriesOf, type BaselineOutcome } from './baseline/apply-baseline';

// The Bicep CLI boundary.
export { locateBicepCli, type LocatedBicepCli, type LocateOptions } from './bicep/locate-cli';
export { startBicepCompiler, type CompilerOptions } from './bicep/compiler';
export type { BicepCompiler, BicepDiagnostic, CompileOutput, Position, Range } from './bicep/compile-output';
export { BicepCliError, BicepNotFoundError } from './bicep/errors';

// The template engine: compiled templates expanded the way Azure would deploy them.
export { parseJsonWithPositions, type ParsedJson } from './template/parse-json';
export { expandTemplate, type ExpandOptions } from './template/expand/expand-template';
export type { Condition, DeploymentLink, Expansion, ExpansionProblem, ResourceInstance } from './template/expand/instance';
export * from './template/expressions/index';
