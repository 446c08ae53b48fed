import fs from 'node:fs';
import path from 'node:path';
import { findRule, RULES } from '../../src/rules/index';

const DOCS = path.resolve(__dirname, '..', '..', 'docs', 'rules');

describe('the rule index', () => {
  it('is sorted by id', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('has a docs page for every rule and a rule for every docs page', () => {
    const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort();
    expect(pages).toEqual(RULES.map((r) => `${r.id}.md`).sort());
    for (const rule of RULES) expect(rule.meta.docsPath).toBe(`docs/rules/${rule.id}.md`);
  });

  it("heads every docs page with the rule's id and title", () => {
    for (const rule of RULES) {
      const heading = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8').split('\n')[0];
      expect(heading).toBe(`# ${rule.id}: ${rule.meta.title}`);
    }
  });

  it.each([['Azure.ACR.Logs'], ['azure.acr.logs'], ['Azure.ACR.AuditLogs'], ['AZR-000535']])('finds Azure.ACR.Logs by %s', (name) => {
    expect(findRule(name)?.id).toBe('Azure.ACR.Logs');
  });

  it('finds nothing for an unknown name', () => {
    expect(findRule('Azure.ACR.Nope')).toBeUndefined();
  });
});

describe('the pages written from the rows', () => {
  it('are what scripts/build-rule-docs.js writes (run it after changing a row)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { rulePages } = require('../../scripts/build-rule-docs.js') as { rulePages(): Map<string, string> };
    const pages = rulePages();
    // Written by hand: Azure.ACR.Logs, the reference for every row, and the control-plane pages.
    const byHand = ['Azure.ACR.Logs', 'Azure.ACR.DeleteLock', 'Azure.Subscription.ActivityLogExport'];
    expect([...pages.keys()].sort()).toEqual(RULES.filter((r) => !byHand.includes(r.id)).map((r) => r.meta.docsPath).sort());
    for (const [page, text] of pages) expect(fs.readFileSync(path.join(DOCS, '..', '..', page), 'utf8')).toBe(text);
  });

  it("the README's Rules tables list every rule once, each table in order", () => {
    const readme = fs.readFileSync(path.join(DOCS, '..', '..', 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| \[`([^`]+)`\]\(docs\/rules\//gm)].map((m) => m[1]!);
    const controlPlane = ['Azure.ACR.DeleteLock', 'Azure.Subscription.ActivityLogExport'];
    expect(listed).toEqual([...RULES.map((r) => r.id).filter((id) => !controlPlane.includes(id)), ...controlPlane]);
  });
});
