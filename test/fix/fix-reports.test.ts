import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, realBicep } from '../helpers/real-bicep';
import { validateSarif } from '../helpers/sarif-multitool';
import { copyOfCases } from './fix-helpers';

beforeAll(() => {
  realBicep();
});

const audit = (root: string, argv: string[], env: Record<string, string> = {}) => auditWithRealBicep([...argv, '--no-cache', '--jobs', '1'], { cwd: root, env });

interface SarifLog {
  runs: {
    results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; fixes?: unknown[]; properties?: { noFix?: string } }[];
    invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
  }[];
}

describe('SARIF with fixes', () => {
  it('carries each fix and suggestion as exact replacements, why there is none, and passes Sarif.Multitool validate (Ghas;Sarif)', async () => {
    const root = copyOfCases();
    const run = await audit(root, ['.', '--format', 'sarif']);
    expect([run.code, run.stderr]).toEqual([1, '']);
    const log = JSON.parse(run.stdout) as SarifLog;
    const byFile = (uri: string) => log.runs[0]!.results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === uri)!;
    expect(byFile('add-missing-category.bicep').fixes).toEqual([
      {
        description: { text: "add ContainerRegistryRepositoryEvents to the logs of diagnostic setting 'audit'" },
        artifactChanges: [
          {
            artifactLocation: { uri: 'add-missing-category.bicep', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { startLine: 14, startColumn: 66, endLine: 14, endColumn: 66 },
                insertedContent: { text: "\n      { category: 'ContainerRegistryRepositoryEvents', enabled: true }" },
              },
            ],
          },
        ],
      },
    ]);
    const suggestion = byFile('suggest-new-parameter.bicep').fixes as { description: { text: string }; artifactChanges: { replacements: unknown[] }[] }[];
    expect(suggestion.map((f) => [f.description.text, f.artifactChanges[0]!.replacements.length])).toEqual([
      ["Suggestion: add a diagnostic setting for registry 'registry' that sends its audit logs to a new parameter 'auditWorkspaceId'", 2],
    ]);
    expect(byFile('unfixable-parameter.bicep').properties).toEqual({
      noFix: "'logs' comes from parameter 'auditLogs'; bicep-audit rewrites only values written out where the resource is declared",
    });
    expect(validateSarif(run.stdout)).toEqual([]);
  }, 180_000);

  it('after --fix, says what was fixed and rolled back as notifications, and still passes the validation', async () => {
    const source = path.resolve(__dirname, '..', '..', 'bicep-fixtures', 'fix', 'rollback');
    const root = copyOfCases((t) => t, {
      'rollback/main.bicep': fs.readFileSync(path.join(source, 'main.bicep'), 'utf8'),
      'rollback/main.bicepparam': fs.readFileSync(path.join(source, 'main.bicepparam'), 'utf8'),
    });
    const run = await audit(root, ['rename-category.bicep', 'rollback/main.bicepparam', '--fix', '--suggestions', '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications!.map((n) => [n.level, n.message.text])).toEqual([
      [
        'warning',
        "rolled-back: add a diagnostic setting for registry 'registry' that sends its audit logs to a new parameter 'auditWorkspaceId' (after the edit, rollback/main.bicepparam does not compile: rollback/main.bicepparam:1:7: BCP258 The following parameters are declared in the Bicep file but are missing an assignment in the params file: \"auditWorkspaceId\".)",
      ],
      ['note', "fixed: correct 'ContainerRegistryRepositoryEvent' to 'ContainerRegistryRepositoryEvents'"],
    ]);
    expect(validateSarif(run.stdout)).toEqual([]);
  }, 180_000);
});

describe('stylish with fixes', () => {
  it('shows a fix under its finding, a suggestion with its diff, and how many are fixable', async () => {
    const root = copyOfCases();
    const run = await audit(root, ['add-missing-category.bicep', 'suggest-new-parameter.bicep']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'add-missing-category.bicep',
        "  13:5  error  registry 'acraddone' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group  Azure.ACR.Logs",
        '    13 |     logs: [',
        '       |     ^^^^^^^',
        "    fix (--fix): add ContainerRegistryRepositoryEvents to the logs of diagnostic setting 'audit'",
        '',
        'suggest-new-parameter.bicep',
        "  2:1  error  registry 'acrnosetting' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group  Azure.ACR.Logs",
        "    2 | resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
        '      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        "    suggestion (--fix --suggestions): add a diagnostic setting for registry 'registry' that sends its audit logs to a new parameter 'auditWorkspaceId'",
        '    @@ -1,6 +1,21 @@',
        '     // Suggestion: no setting, and none to copy a destination from.',
        "    +@description('Log Analytics workspace that receives the container registry audit logs')",
        '    +param auditWorkspaceId string',
        '    +',
        "     resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
        "       name: 'acrnosetting'",
        "       location: 'westeurope'",
        "       sku: { name: 'Basic' }",
        '     }',
        '    +',
        "    +resource registryAuditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {",
        "    +  name: 'audit'",
        '    +  scope: registry',
        '    +  properties: {',
        '    +    workspaceId: auditWorkspaceId',
        '    +    logs: [',
        "    +      { category: 'ContainerRegistryLoginEvents', enabled: true }",
        "    +      { category: 'ContainerRegistryRepositoryEvents', enabled: true }",
        '    +    ]',
        '    +  }',
        '    +}',
        '',
        '✖ 2 problems (2 errors, 0 warnings)',
        '  1 can be fixed with --fix, 1 with a suggestion that --fix --suggestions applies',
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('after --fix, says what was fixed and why the rest has no fix', async () => {
    const root = copyOfCases();
    const run = await audit(root, ['rename-category.bicep', 'unfixable-variable.bicep', '--fix']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'unfixable-variable.bicep',
        "  17:56  error  registry 'acrfromvariable' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group  Azure.ACR.Logs",
        "    17 |       { category: 'ContainerRegistryRepositoryEvents', enabled: repositoryEventsOn }",
        '       |                                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        "    no fix: 'enabled' comes from variable 'repositoryEventsOn'; bicep-audit rewrites only values written out where the resource is declared",
        '',
        "✓ fixed rename-category.bicep:15:9: correct 'ContainerRegistryRepositoryEvent' to 'ContainerRegistryRepositoryEvents'  Azure.ACR.Logs",
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  }, 60_000);
});

describe('GitHub job summary with fixes', () => {
  it('gives a pull-request suggestion block for a fix that replaces one line range, and none for one that does not', async () => {
    const root = copyOfCases();
    const summary = path.join(root, 'summary.md');
    fs.writeFileSync(summary, '');
    const run = await audit(root, ['enable-entry.bicep', 'suggest-new-parameter.bicep', '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    const text = fs.readFileSync(summary, 'utf8');
    expect(text.slice(text.indexOf('### Suggested changes'))).toBe(
      [
        '### Suggested changes',
        '',
        'Each block replaces the lines it names; in a review comment on those lines it is a suggestion GitHub can commit.',
        '',
        "`enable-entry.bicep` line 18: enable the ContainerRegistryRepositoryEvents entry of diagnostic setting 'audit' (Azure.ACR.Logs)",
        '',
        '```suggestion',
        "      { category: 'ContainerRegistryRepositoryEvents', enabled: true } // revisit",
        '```',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
