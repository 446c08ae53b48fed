import path from 'node:path';
import { discoverInputs } from '../../src/discover/discover-inputs';
import { entryPoints } from '../../src/discover/entry-points';
import { makeTree } from '../helpers/temp-tree';

const tree = makeTree({
  'infra/main.bicep': '',
  'infra/modules/registry.bicep': '',
  'infra/modules/unused.bicep': '',
  'infra/app.bicep': '',
  'infra/prod.bicepparam': '',
  'infra/node_modules/pkg/x.bicep': '',
  'infra/.git/y.bicep': '',
  'infra/template.json': '{}',
});
const at = (p: string) => path.join(tree, 'infra', p);

// What each input reads, as `bicep/getFileReferences` lists it (the entry itself included).
const references: Record<string, string[]> = {
  [at('main.bicep')]: [at('main.bicep'), at('modules/registry.bicep'), at('bicepconfig.json')],
  [at('prod.bicepparam')]: [at('prod.bicepparam'), at('app.bicep')],
};
const readsOf = async (file: string) => references[file] ?? [file];

describe('discoverInputs', () => {
  it('finds .bicep and .bicepparam below a folder, sorted, skipping node_modules and .git and JSON', () => {
    expect(discoverInputs(['infra'], tree)).toEqual({
      inputs: [
        { file: at('app.bicep'), kind: 'bicep', fromFolder: true },
        { file: at('main.bicep'), kind: 'bicep', fromFolder: true },
        { file: at('modules/registry.bicep'), kind: 'bicep', fromFolder: true },
        { file: at('modules/unused.bicep'), kind: 'bicep', fromFolder: true },
        { file: at('prod.bicepparam'), kind: 'bicepparam', fromFolder: true },
      ],
      unusable: [],
    });
  });

  it('takes named files as given, once, and reports paths it cannot use', () => {
    expect(discoverInputs(['infra/template.json', 'infra/template.json', 'nope.bicep', 'infra/modules'], tree)).toEqual({
      inputs: [
        { file: at('template.json'), kind: 'arm-template', fromFolder: false },
        { file: at('modules/registry.bicep'), kind: 'bicep', fromFolder: true },
        { file: at('modules/unused.bicep'), kind: 'bicep', fromFolder: true },
      ],
      unusable: [{ file: path.join(tree, 'nope.bicep'), reason: 'no such file or folder' }],
    });
  });
});

describe('entryPoints', () => {
  it('drops folder-found modules and templates that other inputs use', async () => {
    const { inputs } = discoverInputs(['infra'], tree);
    expect((await entryPoints(inputs, readsOf)).map((i) => path.relative(tree, i.file))).toEqual([
      path.join('infra', 'main.bicep'),
      path.join('infra', 'modules', 'unused.bicep'),
      path.join('infra', 'prod.bicepparam'),
    ]);
  });

  it('keeps a module the user names explicitly', async () => {
    const { inputs } = discoverInputs(['infra/main.bicep', 'infra/modules/registry.bicep'], tree);
    expect((await entryPoints(inputs, readsOf)).map((i) => i.file)).toEqual([at('main.bicep'), at('modules/registry.bicep')]);
  });
});
