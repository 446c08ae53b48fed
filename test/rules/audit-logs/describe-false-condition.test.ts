import { describeFalseCondition } from '../../../src/rules/audit-logs/describe-instance';

describe('describeFalseCondition', () => {
  it.each([
    ['no condition recorded', undefined, 'its condition is false'],
    ['a literal false', { reads: [] }, 'its condition is false'],
    ['a default in the entry template', { reads: [{ kind: 'parameter' as const, name: 'on', value: false, source: 'default' as const }] }, "its condition is false (parameter 'on' is false, its default)"],
    [
      'a default a module does not pass',
      { declaredIn: 'acr', reads: [{ kind: 'parameter' as const, name: 'workspaceId', value: '', source: 'default' as const }] },
      "its condition is false (parameter 'workspaceId' is '', its default, which module 'acr' does not pass)",
    ],
    ['a value a module passes', { declaredIn: 'acr', reads: [{ kind: 'parameter' as const, name: 'on', value: false, source: 'given' as const }] }, "its condition is false (parameter 'on' is false, as module 'acr' passes it)"],
    ['a value given to the run', { reads: [{ kind: 'parameter' as const, name: 'on', value: false, source: 'given' as const }] }, "its condition is false (parameter 'on' is false, as given)"],
    ['a nullable parameter left out', { reads: [{ kind: 'parameter' as const, name: 'ws', value: null, source: 'nullable' as const }] }, "its condition is false (parameter 'ws' is null, as no value is given)"],
    ['a variable', { reads: [{ kind: 'variable' as const, name: 'audited', value: false }] }, "its condition is false (variable 'audited' is false)"],
    [
      "a module's condition, each read once, at most three and a count of the rest",
      {
        module: 'audit',
        reads: ['a', 'b', 'A', 'c', 'd'].map((name) => ({ kind: 'parameter' as const, name, value: false, source: 'default' as const })),
      },
      "the condition of module 'audit' is false (parameter 'a' is false, its default; parameter 'b' is false, its default; parameter 'c' is false, its default; and 1 more)",
    ],
  ])('%s', (_name, falseCondition, text) => {
    expect(describeFalseCondition(falseCondition)).toBe(text);
  });
});
