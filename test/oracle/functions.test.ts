import fs from 'node:fs';
import path from 'node:path';
import { BICEP_FIXTURES, realBicep } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { engineView } from './engine-view';
import { withCompiler } from './run-oracle';
import { runSnapshot } from './snapshot';

const FIXTURE = path.join(BICEP_FIXTURES, 'oracle', 'functions');

describe('the expression functions against Azure’s own engine (bicep snapshot)', () => {
  it('gives every output of bicep-fixtures/oracle/functions the value Azure gives it', async () => {
    const cli = realBicep();
    const copy = makeTree(Object.fromEntries(fs.readdirSync(FIXTURE).map((name) => [name, fs.readFileSync(path.join(FIXTURE, name), 'utf8')])));
    const entry = path.join(copy, 'main.bicepparam');
    const [azure, engine] = await Promise.all([runSnapshot(cli, entry), withCompiler(cli, 1, (compiler) => engineView(compiler, entry))]);
    if (!azure.ok) throw new Error(azure.reason);
    if (!engine.ok) throw new Error(engine.reason);
    expect(engine.view.unknowns).toEqual([]);
    expect(Object.keys(azure.outputs)).toHaveLength(34);
    const differing = Object.keys(azure.outputs)
      .filter((name) => JSON.stringify(azure.outputs[name]) !== JSON.stringify(engine.outputs[name]))
      .map((name) => ({ name, azure: azure.outputs[name], engine: engine.outputs[name] }));
    expect(differing).toEqual([]);
  }, 120_000);
});
