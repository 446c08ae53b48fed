import path from 'node:path';
import { isSuppressed } from '../../src/locate/suppressions';
import { azureAcrLogs } from '../../src/rules/azure-acr-logs';
import type { Rule } from '../../src/rules/rule';
import { makeTree } from '../helpers/temp-tree';

const tree = makeTree({
  'main.bicep': [
    '#disable-next-line Azure.ACR.Logs',
    "resource a 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
    '}',
    '#disable-next-line no-unused-params AZR-000535',
    "resource b 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
    '}',
    '// #disable-next-line Azure.ACR.Logs',
    "resource c 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
    '#disable-next-line no-unused-params',
    "resource d 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
  ].join('\n'),
  'template.json': '#disable-next-line Azure.ACR.Logs\n{}\n',
});

const at = (file: string, line: number) => ({
  file: path.join(tree, file),
  range: { start: { line, character: 0 }, end: { line, character: 10 } },
});
const rule = azureAcrLogs as Rule;

describe('isSuppressed', () => {
  it.each([
    ['the rule id on the line before', at('main.bicep', 1), true],
    ['an alias among other codes', at('main.bicep', 4), true],
    ['a directive inside a comment', at('main.bicep', 7), false],
    ['a directive for another code', at('main.bicep', 9), false],
    ['the first line, which has no line before', at('main.bicep', 0), false],
    ['an ARM template, which has no directives', at('template.json', 1), false],
  ])('%s → %s', (_name, location, expected) => {
    expect(isSuppressed(location, rule)).toBe(expected);
  });
});
