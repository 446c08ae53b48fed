import type { SourceLocation } from '../rules/finding';
import type { ScopeSettingSuggestion } from '../rules/remedy';
import type { ParsedBicep } from './bicep-syntax';
import { freeName } from './new-resource';
import { toTextEdit, type Planned } from './plan-fix';
import { SETTING_TYPE } from './suggest-setting';
import { destinationsOfAnotherSetting, parameterEdit } from './workspace-parameter';

/**
 * A diagnostic setting at the scope a template deploys to (no `scope`: a subscription's Activity
 * Log), added at the end of the template: to a destination the deployment already uses, else the
 * destination of another setting in the file, else a new workspace parameter.
 */
export function suggestScopeSetting(source: ParsedBicep, suggestion: ScopeSettingSuggestion<SourceLocation>): Planned {
  const at = source.nodeAt(suggestion.target.range);
  if (at?.type !== 'target_scope_assignment') return { noFix: 'the place the finding names is not where the source was read; run bicep-audit again' };
  const { eol, indentUnit: u } = source;
  const known = suggestion.destination && [`${suggestion.destination.property}: '${suggestion.destination.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`];
  const reused = known ?? destinationsOfAnotherSetting(source);
  const parameter = reused ? undefined : freeName(source, 'activityLogWorkspaceId');
  const lines = [
    `resource ${freeName(source, 'activityLogExport')} '${SETTING_TYPE}' = {`,
    `${u}name: 'activity-log'`,
    `${u}properties: {`,
    ...(reused ?? [`workspaceId: ${parameter}`]).map((d) => `${u}${u}${d}`),
    `${u}${u}logs: [`,
    ...suggestion.categories.map((c) => `${u}${u}${u}{ category: '${c}', enabled: true }`),
    `${u}${u}]`,
    `${u}}`,
    '}',
  ];
  const end = source.text.trimEnd().length;
  const edits = [...(parameter ? [parameterEdit(source, parameter, `Log Analytics workspace that receives the ${suggestion.service} of the ${suggestion.noun}`)] : []), { start: end, end, newText: `${eol}${eol}${lines.join(eol)}` }];
  const destination = known ? "the destination of the deployment's other diagnostic setting" : reused ? "the destination of the file's other diagnostic setting" : `a new parameter '${parameter}'`;
  return {
    fix: {
      kind: 'suggestion',
      description: `add a diagnostic setting that sends the ${suggestion.noun}'s ${suggestion.service} to ${destination}`,
      edits: edits.map((e) => toTextEdit(source, e)),
    },
  };
}
