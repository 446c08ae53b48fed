import fs from 'node:fs';
import path from 'node:path';
import { auditJson, realBicep, seen } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';

const DOCS = path.resolve(__dirname, '..', '..', 'docs');
const WORKSPACE = 'workspaceId=/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit';

/** Every ```bicep block of the docs pages, with the page it is on. */
function bicepBlocks(): { page: string; code: string }[] {
  const pages = fs.readdirSync(DOCS, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.md'));
  return pages.flatMap((page) => [...fs.readFileSync(path.join(DOCS, page), 'utf8').matchAll(/```bicep\n([\s\S]*?)```/g)].map((m) => ({ page, code: m[1]! })));
}

const blocks = bicepBlocks();
const whole = blocks.filter((b) => !/^\s/.test(b.code));
const fragments = blocks.filter((b) => /^\s/.test(b.code));
const fixExample = whole.find((b) => b.page.endsWith('Azure.ACR.Logs.md'));
/** A rule's finding on another page's example (every registry example lacks a lock) is that page's business; Bicep's diagnostics are everyone's. */
const ownOrBicep = (page: string) => (r: { ruleId: string }) => !r.ruleId.startsWith('Azure.') || page.endsWith(`${r.ruleId}.md`);

beforeAll(() => {
  realBicep();
});

describe('the Bicep examples in docs/', () => {
  it('are there: whole files and a logs fragment', () => {
    expect(whole.length).toBeGreaterThanOrEqual(4);
    expect(fragments.map((f) => f.code.trim().split('\n')[0])).toEqual(['logs: [']);
  });

  it("compile, and each passes its page's rule or is suppressed as it says, with no Bicep diagnostic", async () => {
    const root = makeTree(Object.fromEntries(whole.map((b, i) => [`example${i}.bicep`, b.code])));
    const { report } = await auditJson(['.', '--param', WORKSPACE], { cwd: root });
    expect(report.inputs.map((i) => i.status)).toEqual(whole.map(() => 'analysed'));
    const pageOf = (at: string) => whole[Number(/^example(\d+)\.bicep:/.exec(at)![1])]!.page;
    expect(seen(report, root).filter((r) => !r.suppressed && ownOrBicep(pageOf(r.at))(r))).toEqual([]);
  });

  it('the category-group fragment passes in place of the fix example\'s logs', async () => {
    const fragment = fragments[0]!.code.trimEnd();
    const spliced = fixExample!.code.replace(/    logs: \[[\s\S]*?\n    \]/, fragment);
    expect(spliced).not.toBe(fixExample!.code);
    const root = makeTree({ 'group.bicep': spliced });
    const { code, report } = await auditJson(['group.bicep', '--param', WORKSPACE], { cwd: root });
    expect(seen(report, root).filter(ownOrBicep(fixExample!.page))).toEqual([]);
    expect(code).toBe(0);
  });

  it('without the registryAudit resource, the fix example is reported on its `resource registry` line', async () => {
    const withoutSetting = fixExample!.code.slice(0, fixExample!.code.indexOf('resource registryAudit'));
    const root = makeTree({ 'bare.bicep': withoutSetting });
    const { code, report } = await auditJson(['bare.bicep', '--param', WORKSPACE], { cwd: root });
    const line = withoutSetting.split('\n').findIndex((l) => l.startsWith('resource registry ')) + 1;
    expect(seen(report, root).filter((r) => r.ruleId === 'Azure.ACR.Logs').map((r) => r.at)).toEqual([`bare.bicep:${line}:1`]);
    expect(code).toBe(1);
  });
});
