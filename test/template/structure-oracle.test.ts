import fs from 'node:fs';
import path from 'node:path';
import { validateAgainstSchema } from '../../src/template/validate';
import { realBicep } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { runSnapshot } from '../oracle/snapshot';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'arm-structure');

// What Azure's engine (bicep snapshot 0.49.2) does with each template of test/fixtures/arm-structure.
const AZURE_ACCEPTS: Record<string, boolean> = {
  'condition-not-a-boolean': true,
  'copy-without-count': false,
  'copy-without-name': false,
  'depends-on-a-string': false,
  'empty-resources-object-in-nested-template': true,
  'no-resources': false,
  'no-schema': false,
  'output-that-is-not-an-object': false,
  'parameter-that-is-not-an-object': false,
  'properties-not-an-object': true,
  'resource-with-empty-type': false,
  'resource-without-name': false,
  'resources-array-with-language-version': true,
  'resources-object-without-language-version': true,
  'typeless-nullable-parameter': true,
  'typeless-parameter': true,
};

describe('the template schema against Azure’s own engine (bicep snapshot)', () => {
  it('accepts exactly the templates of test/fixtures/arm-structure that Azure accepts', async () => {
    const cli = realBicep();
    const names = fs.readdirSync(FIXTURES).map((file) => path.basename(file, '.json')).sort();
    expect(names).toEqual(Object.keys(AZURE_ACCEPTS));
    const verdicts: Record<string, { azure: boolean; schema: boolean }> = {};
    for (const name of names) {
      const text = fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');
      const copy = makeTree({ [`${name}.json`]: text, 'main.bicepparam': `using '${name}.json'\n` });
      const azure = await runSnapshot(cli, path.join(copy, 'main.bicepparam'));
      verdicts[name] = { azure: azure.ok, schema: validateAgainstSchema('template', JSON.parse(text)).length === 0 };
    }
    const expected = Object.fromEntries(names.map((name) => [name, { azure: AZURE_ACCEPTS[name], schema: AZURE_ACCEPTS[name] }]));
    expect(verdicts).toEqual(expected);
  }, 240_000);
});
