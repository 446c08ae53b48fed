#!/usr/bin/env node
'use strict';

// Writes the docs page of each built-in audit-log rule that has `docs` in src/rules/audit-logs/built-in.ts
// from its row, so that a page names exactly the categories, groups and sources the rule uses.
// Azure.ACR.Logs's page is written by hand (it is the reference for what every row shares), and so is
// Azure.Subscription.ActivityLogExport's, whose example is a subscription template. A test
// renders the pages again and compares. Usage (after npm run build): node scripts/build-rule-docs.js

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

const code = (text) => `\`${text}\``;
const listed = (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const alternatives = (category) => (typeof category === 'string' ? code(category) : category.map(code).join(' or '));

function groupsText(row) {
  if (row.groups.length === 0) return 'No category group covers them: the type has none.';
  return `or the ${row.groups.map(code).join(' or ')} category group${row.groups.includes('allLogs') ? ' (`allLogs` is every category of the resource)' : ''}.`;
}

/** The resource the example's setting goes on, looked up with `existing` (a child type under its parent, named `default`). */
function targetDeclaration(row) {
  const [namespace, parentType, childType] = row.types[0].split('/');
  const version = row.docs.apiVersion;
  if (!childType) return [`resource target '${row.types[0]}@${version}' existing = {`, "  name: 'contosoprod01'", '}'];
  return [
    `resource parent '${namespace}/${parentType}@${version}' existing = {`,
    "  name: 'contosoprod01'",
    '}',
    '',
    `resource target '${row.types[0]}@${version}' existing = {`,
    '  parent: parent',
    "  name: 'default'",
    '}',
  ];
}

function settingExample(row) {
  const categories = row.categories.map((c) => (typeof c === 'string' ? c : c[0]));
  return [
    '```bicep',
    'param workspaceId string',
    '',
    ...targetDeclaration(row),
    '',
    "resource targetAuditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {",
    "  name: 'audit'",
    '  scope: target',
    '  properties: {',
    '    workspaceId: workspaceId',
    '    logs: [',
    ...categories.map((c) => `      { category: '${c}', enabled: true }`),
    '    ]',
    '  }',
    '}',
    '```',
  ];
}

/** The Markdown page of one row. */
function rulePage(row) {
  const { docs } = row;
  const bicepAlias = row.aliases.find((a) => /^[A-Za-z0-9_-]+$/.test(a));
  const applies = row.applies ? ` that ${row.applies.text}` : '';
  return [
    `# ${row.id}: ${row.title}`,
    '',
    `${row.aliases.length > 0 ? `Aliases: ${row.aliases.map(code).join(', ')}. ` : ''}Resource types: ${row.types.map(code).join(', ')}. Default level: ${code(row.level)}.`,
    '',
    '## Why',
    '',
    docs.why,
    '',
    '## What passes',
    '',
    `Every deployed resource of ${row.types.length > 1 ? 'these types' : 'this type'}${applies} must be the scope of diagnostic settings with a destination that, taken together, enable`,
    '',
    ...row.categories.map((c) => `- ${alternatives(c)}`),
    '',
    groupsText(row),
    '',
    ...(row.implicitChildren ?? []).flatMap((child) => [
      `Azure creates the ${code(child.segment)} child of every ${code(child.parentType)}: it is judged whether or not the template declares it, and reported on the parent while it is not declared.`,
      '',
    ]),
    `The rule judges as [Azure.ACR.Logs](Azure.ACR.Logs.md) does: settings taken together, settings whose condition is false or that have no destination counting for nothing, entries off or without \`enabled\` counting for nothing, each loop index and module instance on its own, settings attached from a module to an \`existing\` resource, scopes known only in part, and a \`review\` (never a pass) where a value known only at deployment decides. Category and group names match in any letter case. A category that the type does not have gets a "did you mean" hint; a category group the type does not have exports nothing, and the finding says so.`,
    '',
    '## Facts and sources',
    '',
    `- Categories the rule requires, each of them: ${row.categories.map(alternatives).join('; ')}.`,
    ...(row.knownCategories ? [`- Other categories of the type, which count for nothing here: ${listed([...row.knownCategories].sort().map(code))}.`] : []),
    `- Category groups that cover them: ${row.groups.length > 0 ? listed(row.groups.map(code)) : 'none'}.`,
    ...(docs.notes ?? []).map((note) => `- ${note}`),
    ...docs.references.map((url) => `- Source: <${url}>`),
    '',
    '## How to fix',
    '',
    `Add a diagnostic setting on the ${row.noun} that sends the categories to a destination (or enable ${row.groups.length > 0 ? `the ${code(row.groups[0])} group` : 'them all'}); here it goes on one that another template deploys, looked up with \`existing\`, and beside a declared one \`scope\` names its symbol:`,
    '',
    ...settingExample(row),
    '',
    '`--fix` adds a missing category to a `logs` list the source writes out, switches on an entry that is off and corrects a misspelt name; `--fix --suggestions` adds a setting to a resource that has none, as for Azure.ACR.Logs.',
    '',
    '## How to suppress',
    '',
    'Put a comment on the line before the reported line; the text after ` -- ` is the reason:',
    '',
    '```bicep',
    `// bicep-audit-disable-next-line ${row.id} -- exported by an Azure Policy (DeployIfNotExists)`,
    '```',
    '',
    bicepAlias
      ? `Bicep's own \`#disable-next-line ${bicepAlias}\` works as well (Bicep accepts only letters, digits, \`-\` and \`_\` in its codes, so it cannot name ${code(row.id)}).`
      : `Bicep's own \`#disable-next-line\` cannot name ${code(row.id)} (Bicep accepts only letters, digits, \`-\` and \`_\` in its codes); use the comment above.`,
    `Across a repository, name the resources in the \`suppressions\` of \`bicep-audit.json\` with \`"rules": ["${row.id}"]\` and a reason.`,
    '',
  ].join('\n');
}

/** Every generated page, by path relative to the package root. */
function rulePages() {
  const { BUILT_IN_ROWS } = require(path.join(root, 'dist', 'rules', 'audit-logs', 'built-in.js'));
  return new Map(BUILT_IN_ROWS.filter((row) => row.docs).map((row) => [row.docsPath, rulePage(row)]));
}

module.exports = { rulePages };

if (require.main === module) {
  for (const [page, text] of rulePages()) fs.writeFileSync(path.join(root, page), text);
}
