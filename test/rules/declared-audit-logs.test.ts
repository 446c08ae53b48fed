import fs from 'node:fs';
import path from 'node:path';
import { auditJson, auditWithRealBicep, BICEP_FIXTURES, seen } from '../helpers/real-bicep';
import { isolatedEnv, runInProcess } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const FOLDER = path.join(BICEP_FIXTURES, 'declared');
const README_DOCS = 'https://github.com/bicep-audit/bicep-audit/blob/main/README.md#audit-log-requirements-you-declare';

describe('audit-log requirements a config declares (bicep-fixtures/declared/bicep-audit.json)', () => {
  it('judges them like built-in rules: one of a choice, the default allLogs group, the level the config sets, a suppression by the declared id', async () => {
    const run = await auditJson(['declared']);
    expect(run.code).toBe(1);
    expect(seen(run.report)).toEqual([
      {
        at: 'declared/main.bicep:39:5',
        ruleId: 'Contoso.Sql.AuditLogs',
        level: 'error',
        message: "Microsoft.Sql/servers/databases 'sqlcontoso/billing' does not export DevOpsOperationsAudit (or SQLInsights); enable it or the 'audit' category group",
      },
      {
        at: 'declared/main.bicep:58:5',
        ruleId: 'Contoso.Kusto.Logs',
        level: 'warning',
        message: "Microsoft.Kusto/clusters 'kustocontoso' does not export the 'allLogs' category group; enable it",
      },
      {
        at: 'declared/main.bicep:66:1',
        ruleId: 'Contoso.Kusto.Logs',
        level: 'warning',
        message: "Microsoft.Kusto/clusters 'kustoscratch' has no diagnostic setting, so its audit logs are not exported; add one that enables the 'allLogs' category group",
        suppressed: true,
      },
    ]);
  }, 60_000);

  it('describes them in SARIF, linking to the README section on declaring them', async () => {
    const run = await auditWithRealBicep(['declared', '--format', 'sarif', '--no-cache']);
    const rules = JSON.parse(run.stdout).runs[0].tool.driver.rules as { id: string; helpUri: string; fullDescription: { text: string } }[];
    const declared = rules.find((r) => r.id === 'Contoso.Sql.AuditLogs')!;
    expect(declared.helpUri).toBe(README_DOCS);
    expect(declared.fullDescription.text).toBe('SQL databases send their security audit events to the SIEM.');
  }, 60_000);

  it('lists them with their types and the config that declares them, and prints a page for one', async () => {
    const list = await runInProcess({ argv: ['rules'], cwd: FOLDER, env: isolatedEnv(), homeDir: FOLDER });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(
      `Contoso.Kusto.Logs  error\n  Resources of type Microsoft.Kusto/clusters must export the 'allLogs' category group through a diagnostic setting.\n  types: Microsoft.Kusto/clusters\n  declared in: bicep-audit.json\n  docs: ${README_DOCS}\n`,
    );
    const page = await runInProcess({ argv: ['rules', 'contoso.sql.auditlogs'], cwd: FOLDER, env: isolatedEnv(), homeDir: FOLDER });
    expect(page.code).toBe(0);
    expect(page.stdout.split('\n')[0]).toBe('# Contoso.Sql.AuditLogs: SQL databases send their security audit events to the SIEM.');
  });

  it('refuses a bad entry with the file, line and column of each problem: exit 2, nothing analysed', async () => {
    const root = makeTree({
      'bicep-audit.json': [
        '{',
        '  "auditLogs": [',
        '    { "id": "Azure.ACR.AuditLogs", "type": "Microsoft.Foo/bars" },',
        '    { "id": "Contoso.NoType" },',
        '    { "id": "Contoso.BadGroup", "type": "Microsoft.Foo/bars", "categoryGroups": ["Audit"] }',
        '  ]',
        '}',
      ].join('\n'),
      'main.json': fs.readFileSync(path.join(BICEP_FIXTURES, 'demo', 'registry.json'), 'utf8'),
    });
    const run = await runInProcess({ argv: ['main.json'], cwd: root, env: isolatedEnv(), homeDir: root });
    expect(run.code).toBe(2);
    const config = path.join(root, 'bicep-audit.json');
    expect(run.stderr).toBe(
      [
        `bicep-audit: ${config}:4:5: /auditLogs/1 must have required property 'type'`,
        `${config}:5:82: /auditLogs/2/categoryGroups/0 must be one of "audit", "allLogs"`,
        '',
      ].join('\n'),
    );
  });

  it('refuses an id that a built-in rule already has, by id or alias', async () => {
    const root = makeTree({
      'bicep-audit.json': '{ "auditLogs": [{ "id": "azure.acr.auditlogs", "type": "Microsoft.Foo/bars" }] }',
      'main.json': fs.readFileSync(path.join(BICEP_FIXTURES, 'demo', 'registry.json'), 'utf8'),
    });
    const run = await runInProcess({ argv: ['main.json'], cwd: root, env: isolatedEnv(), homeDir: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `bicep-audit: ${path.join(root, 'bicep-audit.json')}:1:25: /auditLogs/0/id 'azure.acr.auditlogs' is already a built-in rule (Azure.ACR.Logs); choose another id\n`,
    );
  });
});
