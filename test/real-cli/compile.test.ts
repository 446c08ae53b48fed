import fs from 'node:fs';
import path from 'node:path';
import { auditJson, auditWithRealBicep, BICEP_FIXTURES, realBicep, seen } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';

const NO_SETTING = (registry: string, module?: string) =>
  `registry '${registry}'${module ? ` in module '${module}'` : ''} has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group`;
const NO_REPOSITORY_EVENTS = (registry: string, module?: string) =>
  `registry '${registry}'${module ? ` in module '${module}'` : ''} does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group`;
const SYNTAX = 'Expected a literal value, an array, an object, a parenthesized expression, or a function call at this location.';

/**
 * Where a compile path places findings: the audit-log findings and the compiler's diagnostics.
 * Every registry of these fixtures lacks a delete lock, which test/rules/control-plane.test.ts judges.
 */
const placed = (report: Parameters<typeof seen>[0]) => seen(report).filter((r) => r.ruleId !== 'Azure.ACR.DeleteLock');

beforeAll(() => {
  realBicep();
});

describe('the README demo, compiled by the real Bicep CLI', () => {
  it('prints its two findings and exits 1', async () => {
    const { code, report } = await auditJson(['demo/main.bicep']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([
      { at: 'demo/main.bicep:16:5', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_REPOSITORY_EVENTS('acrshareddemo') },
      { at: 'demo/main.bicep:22:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_SETTING('acrscratchdemo') },
    ]);
  });
});

describe('a syntax error', () => {
  const file = path.join(BICEP_FIXTURES, 'errors', 'syntax.bicep');

  it('is BCP009 at 4:12 in the JSON report, the input failed, exit 2', async () => {
    const { code, report } = await auditJson(['errors/syntax.bicep']);
    expect(code).toBe(2);
    expect(report.inputs).toEqual([{ file, status: 'failed' }]);
    expect(placed(report)).toEqual([{ at: 'errors/syntax.bicep:4:12', ruleId: 'BCP009', level: 'error', message: SYNTAX }]);
  });

  it('is BCP009 at 4:12 in stylish, exit 2', async () => {
    const run = await auditWithRealBicep(['errors/syntax.bicep', '--no-cache']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `errors/syntax.bicep\n  4:12  error  ${SYNTAX}  BCP009\n    4 |   location:\n      |            ^\n\n✖ 1 problem (1 error, 0 warnings)\n✖ 1 of 1 input could not be analysed\n`,
    );
  });

  it('is BCP009 at 4:12 in SARIF, with the rule at the level of its result, exit 2', async () => {
    const run = await auditWithRealBicep(['errors/syntax.bicep', '--no-cache', '--format', 'sarif']);
    expect(run.code).toBe(2);
    const sarif = JSON.parse(run.stdout);
    const [result] = sarif.runs[0].results;
    expect(result.ruleId).toBe('BCP009');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 12, endLine: 4, endColumn: 12 });
    expect(sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'BCP009').defaultConfiguration).toEqual({ level: 'error' });
  });

  it('is BCP009 at 4:12 as a GitHub annotation, exit 2', async () => {
    const run = await auditWithRealBicep(['errors/syntax.bicep', '--no-cache', '--format', 'github']);
    expect(run.code).toBe(2);
    expect(run.stdout.split('\n')[0]).toBe(
      `::error file=bicep-fixtures/errors/syntax.bicep,line=4,col=12,endLine=4,endColumn=12,title=BCP009::${SYNTAX}`,
    );
  });
});

describe('.bicepparam files', () => {
  it('use their values', async () => {
    const { code, report } = await auditJson(['params/main.bicepparam']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([{ at: 'params/main.bicep:18:56', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_REPOSITORY_EVENTS('acrparams') }]);
  });

  it('are overridden by --param', async () => {
    const { code, report } = await auditJson(['params/main.bicepparam', '--param', 'exportRepositoryEvents=true']);
    expect(code).toBe(0);
    expect(placed(report)).toEqual([]);
  });

  it('reject a --param that the template they use does not declare (exit 2), naming the closest declared one', async () => {
    const run = await auditWithRealBicep(['params/main.bicepparam', '--param', 'exportRepositoryEvent=true', '--no-cache']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "bicep-audit: --param exportRepositoryEvent: the template does not declare a parameter of that name (did you mean 'exportRepositoryEvents'?); declared: exportRepositoryEvents, registryName\n",
    });
  });

  it('keep their values under -p/--parameters, an ARM parameters file for ARM template inputs only', async () => {
    const file = path.join(makeTree({}), 'values.json');
    fs.writeFileSync(file, JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { exportRepositoryEvents: { value: true } } }));
    const { code, report } = await auditJson(['params/main.bicepparam', '-p', file]);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([{ at: 'params/main.bicep:18:56', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_REPOSITORY_EVENTS('acrparams') }]);
  });

  it('take the values of the base file they extend (`using none`)', async () => {
    const { code, report } = await auditJson(['params/child.bicepparam', '--param', 'exportRepositoryEvents=false']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([{ at: 'params/main.bicep:18:56', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_REPOSITORY_EVENTS('acrbase') }]);
  });

  it('a base file named on its own is not analysed, and says why, exit 2', async () => {
    const { code, report } = await auditJson(['params/base.bicepparam']);
    expect(code).toBe(2);
    expect(placed(report)).toEqual([
      {
        at: 'params/base.bicepparam:1:1',
        ruleId: 'input',
        level: 'error',
        message: 'cannot analyse params/base.bicepparam: it declares `using none`: a base parameter file deploys no template of its own; audit the .bicepparam files that extend it',
      },
    ]);
  });

  it('a folder analyses each entry once, the base file inside the file that extends it', async () => {
    const { code, report } = await auditJson(['params']);
    expect(code).toBe(1);
    expect(report.inputs.map((i) => `${path.relative(BICEP_FIXTURES, i.file)} ${i.status}`)).toEqual([
      'params/arm.bicepparam analysed',
      'params/child.bicepparam analysed',
      'params/main.bicepparam analysed',
    ]);
    expect(placed(report)).toEqual([
      { at: 'params/arm.json:8:5', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_SETTING('acrarmtemplate') },
      { at: 'params/main.bicep:18:56', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_REPOSITORY_EVENTS('acrparams') },
    ]);
  });

  it("`using 'arm.json'` reports on the JSON template's lines", async () => {
    const { code, report } = await auditJson(['params/arm.bicepparam']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([{ at: 'params/arm.json:8:5', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_SETTING('acrarmtemplate') }]);
  });
});

describe('bicepconfig.json', () => {
  it('with comments and a linter rule at error: the diagnostic shows at error and the rule still runs', async () => {
    const { code, report } = await auditJson(['config-linter/main.bicep']);
    expect(code).toBe(1);
    expect(report.inputs[0]!.status).toBe('analysed');
    expect(placed(report)).toEqual([
      { at: 'config-linter/main.bicep:2:7', ruleId: 'no-unused-params', level: 'error', message: 'Parameter "unused" is declared but never used.' },
      { at: 'config-linter/main.bicep:4:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_SETTING('acrlinted') },
    ]);
  });

  it.each([
    ['the server', [] as string[], 'https://learn.microsoft.com/azure/azure-resource-manager/bicep/linter-rule-no-unused-params'],
    ['--no-restore, whose message ends with the link', ['--no-restore'], 'https://aka.ms/bicep/linter-diagnostics#no-unused-params'],
  ])('the linter link goes to the SARIF rule, not into the message (%s)', async (_how, flags, helpUri) => {
    const run = await auditWithRealBicep(['config-linter/main.bicep', '--no-cache', '--format', 'sarif', ...flags]);
    const sarif = JSON.parse(run.stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'no-unused-params');
    expect(rule.helpUri).toBe(helpUri);
    expect(rule.defaultConfiguration).toEqual({ level: 'error' });
    expect(sarif.runs[0].results[0].message.text).toBe('Parameter "unused" is declared but never used.');
  });

  it('with experimentalFeaturesEnabled: null', async () => {
    const { code, report } = await auditJson(['config-null/main.bicep']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([{ at: 'config-null/main.bicep:2:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_SETTING('acrnullconfig') }]);
  });

  it("in a module's folder only: the finding stays in the module", async () => {
    const { code, report } = await auditJson(['config-module-only/main.bicep']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([
      { at: 'config-module-only/mods/registry.bicep:2:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_SETTING('acrmoduleconfig', 'registry') },
    ]);
  });
});

describe('modules', () => {
  it('of an entry already in symbolic form are compiled in symbolic form too: lines and suppressions hold', async () => {
    const { code, report } = await auditJson(['symbolic-entry/main.bicep']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([
      { at: 'symbolic-entry/mods/registries.bicep:3:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_SETTING('acrsymbolic', 'registries') },
      { at: 'symbolic-entry/mods/registries.bicep:11:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_SETTING('acrsymbolicbackup', 'registries'), suppressed: true },
    ]);
  });

  it('in ARM JSON are compiled and reported on their own lines', async () => {
    const { code, report } = await auditJson(['json-module/main.bicep']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([
      { at: 'json-module/mods/registry.json:19:17', ruleId: 'Azure.ACR.Logs', level: 'error', message: NO_REPOSITORY_EVENTS('acrjsonmodule', 'registry') },
    ]);
  });

  it.each([
    ['the server', [] as string[], 'BCP192', 'could not be fetched, so the file was not analysed'],
    [
      '--no-restore, which says why',
      ['--no-restore'],
      'BCP190',
      'is not in the local module cache, and --no-restore fetches nothing, so the file was not analysed; restore it first \\(`bicep restore`\\) or run without --no-restore',
    ],
  ])('from a registry that cannot be reached (%s) give one finding on the module line, exit 2', async (_how, flags, code, why) => {
    const { code: exit, report } = await auditJson(['locate/main.bicep', '--param', 'workspaceId=/subscriptions/x', ...flags]);
    expect(exit).toBe(2);
    const [only, ...rest] = placed(report);
    expect(rest).toEqual([]);
    expect(only!.at).toBe('locate/main.bicep:16:15');
    expect(only!.ruleId).toBe('input');
    expect(only!.message).toMatch(
      new RegExp(
        `^cannot analyse locate/main\\.bicep: the module br/public:avm/res/container-registry/registry:0\\.1\\.0 ${why} \\(Bicep ${code}: .*"br:mcr\\.microsoft\\.com/bicep/avm/res/container-registry/registry:0\\.1\\.0".*\\)$`,
      ),
    );
    expect(only!.message).not.toMatch(/aka\.ms|ClientOptions/);
  }, 60_000);
});

describe('messages', () => {
  it('show a value that could not be evaluated as such, not by its internal key', async () => {
    const { code, report } = await auditJson(['review/unevaluated-name.bicep']);
    expect(code).toBe(1);
    expect(placed(report)).toEqual([
      { at: 'review/unevaluated-name.bicep:4:1', ruleId: 'template-evaluation', level: 'warning', message: "resource name: int: 'x' is not an integer" },
      {
        at: 'review/unevaluated-name.bicep:4:1',
        ruleId: 'Azure.ACR.Logs',
        level: 'error',
        message:
          "registry 'registry' (named {not evaluated}) has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ]);
  });
});

describe('the wait for registry modules', () => {
  it('is bounded by --restore-timeout: past it, one finding on the module line, exit 2', async () => {
    const { code, report } = await auditJson(['locate/main.bicep', '--param', 'workspaceId=/subscriptions/x', '--restore-timeout', '1']);
    expect(code).toBe(2);
    expect(report.inputs.map((i) => i.status)).toEqual(['failed']);
    expect(placed(report)).toEqual([
      {
        at: 'locate/main.bicep:16:15',
        ruleId: 'input',
        level: 'error',
        message:
          "cannot analyse locate/main.bicep: the module br/public:avm/res/container-registry/registry:0.1.0 was not fetched within 1 s (the Bicep CLI was still fetching the file's registry modules), so the file was not analysed; check the registry can be reached, or raise --restore-timeout",
      },
    ]);
  }, 60_000);
});

describe('--no-restore', () => {
  /** What a user sees of a finding: where it starts, what it says, whether it is suppressed. */
  const starts = (report: Parameters<typeof seen>[0]) => seen(report).map(({ at, ruleId, message, suppressed }) => ({ at, ruleId, message, suppressed }));

  it('gives the same findings at the same lines, with the same suppressions, as the server', async () => {
    const entries = ['demo/main.bicep', 'params', 'config-linter/main.bicep', 'config-module-only/main.bicep', 'symbolic-entry/main.bicep', 'json-module/main.bicep', 'rule'];
    const server = await auditJson(entries);
    const build = await auditJson([...entries, '--no-restore']);
    expect(build.code).toBe(server.code);
    expect(starts(build.report)).toEqual(starts(server.report));
    expect(starts(server.report)).toHaveLength(41);
    // One `bicep build` process per entry, about 1.2 s of CPU each, one after another on a busy
    // 2-core machine: the bound is for a hang, far above what the run needs.
  }, 600_000);
});

describe('every Bicep fixture', () => {
  it('yields no finding at 1:1 (none of them is about a whole file)', async () => {
    const { report } = await auditJson(['.', '--param', 'workspaceId=/subscriptions/x', '--no-restore']);
    // `bicep build` names neither the files it reads nor the declarations' ranges: under --no-restore the source grammar alone
    // places findings, and leaves at 1:1 those in files it cannot parse (the server places them: test/real-cli/grammar-gaps.test.ts).
    expect(seen(report).filter((r) => r.at.endsWith(':1:1')).map((r) => `${r.at} ${r.ruleId}`)).toEqual([
      // A registry declared on the first line, after a byte order mark, in a module deployed three times.
      'fix/modules-threaded/modules/registry.bicep:1:1 Azure.ACR.Logs',
      'fix/modules-threaded/modules/registry.bicep:1:1 Azure.ACR.Logs',
      'fix/modules-threaded/modules/registry.bicep:1:1 Azure.ACR.Logs',
      'grammar-gaps/folder/main.bicep:1:1 Azure.ACR.DeleteLock',
      'grammar-gaps/folder/main.bicep:1:1 Azure.ACR.Logs',
      'grammar-gaps/main.bicep:1:1 Azure.ACR.DeleteLock',
      'grammar-gaps/main.bicep:1:1 Azure.ACR.DeleteLock',
      'grammar-gaps/main.bicep:1:1 Azure.ACR.Logs',
      'grammar-gaps/main.bicep:1:1 Azure.ACR.Logs',
      'structure/typeless-parameter/main.bicep:1:1 Azure.ACR.DeleteLock',
      'structure/typeless-parameter/main.bicep:1:1 Azure.ACR.Logs',
      'suppressions/item-in-grammar-gap.bicep:1:1 Azure.ACR.DeleteLock',
      'suppressions/item-in-grammar-gap.bicep:1:1 Azure.ACR.DeleteLock',
      'suppressions/item-in-grammar-gap.bicep:1:1 Azure.ACR.DeleteLock',
      'suppressions/item-in-grammar-gap.bicep:1:1 Azure.ACR.Logs',
      'suppressions/item-in-grammar-gap.bicep:1:1 Azure.ACR.Logs',
      'suppressions/item-in-grammar-gap.bicep:1:1 Azure.ACR.Logs',
    ]);
    const inputs = report.inputs.map((i) => `${path.relative(BICEP_FIXTURES, i.file)} ${i.status}`);
    // `bicep build` cannot say which files it reads: under --no-restore a JSON module in a file the grammar cannot parse and a
    // load*() path that is not a plain string are missed (the server names them, test/real-cli/files-the-compile-reads.test.ts).
    expect(inputs.filter((i) => !i.endsWith(' analysed'))).toEqual([
      'errors/syntax.bicep failed',
      'json-module-symbolic/main.bicep failed',
      'junit/broken.bicep failed',
      'load-paths/main.bicep failed',
      'locate/main.bicep failed',
    ]);
    // Files used as modules or extended are analysed inside their callers, not on their own.
    for (const used of ['params/base.bicepparam', 'symbolic-entry/mods/registries.bicep', 'rule/mods/audit-existing.bicep', 'locate/modules/registry.bicep']) {
      expect(inputs).not.toContain(`${used} analysed`);
    }
    // One `bicep build` process per entry under --no-restore, some 60 of them with the fix cases:
    // the bound is for a hang, far above what the run needs on a busy machine.
  }, 900_000);
});
