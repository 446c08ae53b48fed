import path from 'node:path';
import { bicepParser, BicepSourceFile } from '../../src/locate/bicep-source';
import { makeTree } from '../helpers/temp-tree';

describe('BicepSourceFile.fileReferences', () => {
  it('lists modules, using, imports and load functions that name local files, with their ranges', async () => {
    const source = [
      "import { tags } from '../shared/types.bicep'",
      "var policy = loadJsonContent('policy.json')",
      "module acr './acr.bicep' = { name: 'acr' }",
      "module remote 'br:example.azurecr.io/bicep/acr:1.0' = { name: 'remote' }",
      "module spec 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1' = { name: 'spec' }",
      "var name = 'not-a-file.bicep'",
      "var computed = loadTextContent('${name}.txt')",
      "output script string = loadFileAsBase64('../scripts/setup.sh')",
    ].join('\n');
    const file = path.join(makeTree({ 'main.bicep': source }), 'main.bicep');
    const parsed = BicepSourceFile.parse(file, await bicepParser());
    const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
    expect(parsed.fileReferences()).toEqual([
      { path: '../shared/types.bicep', range: at(0, 21, 44) },
      { path: 'policy.json', range: at(1, 29, 42) },
      { path: './acr.bicep', range: at(2, 11, 24) },
      { path: '../scripts/setup.sh', range: at(7, 40, 61) },
    ]);
  });

  it('finds the using file of a .bicepparam', async () => {
    const file = path.join(makeTree({ 'prod.bicepparam': "using './main.bicep'\nparam env = 'prod'\n" }), 'prod.bicepparam');
    expect(BicepSourceFile.parse(file, await bicepParser()).fileReferences()).toEqual([
      { path: './main.bicep', range: { start: { line: 0, character: 6 }, end: { line: 0, character: 20 } } },
    ]);
  });
});
