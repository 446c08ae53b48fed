import path from 'node:path';
import { filesReadByParsing } from '../../src/discover/local-files';
import { makeTree } from '../helpers/temp-tree';

/** When parsing tells every file a compile reads, the Bicep server is not asked: each case where it cannot must say so. */
describe('filesReadByParsing', () => {
  const MODULE = "module child 'modules/child.bicep' = { name: 'child' }\n";

  it('lists the entry, every local file its graph names and the nearest bicepconfig.json, when every path is a plain local string', async () => {
    const root = makeTree({
      'bicepconfig.json': '{}',
      'main.bicep': `import { tags } from 'types.bicep'\n${MODULE}`,
      'types.bicep': '@export()\ntype tags = object\n',
      'modules/child.bicep': "module json 'arm.json' = { name: 'json' }\nvar policy = loadJsonContent('policy.json')\n",
      'modules/arm.json': '{}',
      'modules/policy.json': '{}',
    });
    expect((await filesReadByParsing(path.join(root, 'main.bicep')))?.map((f) => path.relative(root, f)).sort()).toEqual(
      ['bicepconfig.json', 'main.bicep', 'modules/arm.json', 'modules/child.bicep', 'modules/policy.json', 'types.bicep'],
    );
  });

  it.each([
    ['a load function of an expression in a module', "param name string\nvar policy = loadTextContent('${name}.txt')\n"],
    ['a registry module in a module', "module lock 'br:example.azurecr.io/modules/lock:1.0.0' = { name: 'lock' }\n"],
    ['an import from a registry in a module', "import { tags } from 'br/public:avm/utl/types/avm-common-types:0.5.1'\n"],
    ['a module the grammar cannot parse whole', "param tags resourceInput<'Microsoft.ContainerRegistry/registries@2023-07-01'>.tags?\nvar parts = split('//', '/')\n"],
  ])('gives nothing for %s', async (_case, child) => {
    const root = makeTree({ 'main.bicep': MODULE, 'modules/child.bicep': child });
    expect(await filesReadByParsing(path.join(root, 'main.bicep'))).toBeUndefined();
  });

  it('gives nothing for a .bicepparam file', async () => {
    const root = makeTree({ 'main.bicep': 'param env string\n', 'prod.bicepparam': "using 'main.bicep'\nparam env = 'prod'\n" });
    expect(await filesReadByParsing(path.join(root, 'prod.bicepparam'))).toBeUndefined();
  });
});
