import path from 'node:path';
import { BicepNotFoundError } from '../../src/bicep/errors';
import { locateBicepCli } from '../../src/bicep/locate-cli';
import { makeExecutable, makeTree } from '../helpers/temp-tree';

describe('locateBicepCli', () => {
  const root = makeTree({});
  const flagCli = makeExecutable(path.join(root, 'flag', 'bicep'));
  const envCli = makeExecutable(path.join(root, 'env', 'bicep'));
  const provisioned = makeExecutable(path.join(root, 'provisioned', 'bicep'));
  const onPath = makeExecutable(path.join(root, 'bin', 'bicep'));
  const azure = makeExecutable(path.join(root, 'home', '.azure', 'bin', 'bicep'));
  const emptyHome = path.join(root, 'nobody');
  const missing = path.join(root, 'missing', 'bicep');

  const cases: [string, Parameters<typeof locateBicepCli>[0], string, string][] = [
    ['--bicep wins over everything', { flag: flagCli, env: { BICEP_PATH: envCli, PATH: path.dirname(onPath) }, homeDir: path.join(root, 'home'), cwd: root, provisionedPath: provisioned }, flagCli, '--bicep'],
    ['a relative --bicep is resolved against cwd', { flag: 'flag/bicep', env: {}, homeDir: emptyHome, cwd: root, provisionedPath: missing }, flagCli, '--bicep'],
    ['BICEP_PATH comes next', { env: { BICEP_PATH: envCli, PATH: path.dirname(onPath) }, homeDir: path.join(root, 'home'), cwd: root, provisionedPath: provisioned }, envCli, 'BICEP_PATH'],
    ['then the provisioned copy', { env: { PATH: path.dirname(onPath) }, homeDir: path.join(root, 'home'), cwd: root, provisionedPath: provisioned }, provisioned, 'provisioned'],
    ['then PATH', { env: { PATH: [path.join(root, 'empty'), path.dirname(onPath)].join(path.delimiter) }, homeDir: path.join(root, 'home'), cwd: root, provisionedPath: missing }, onPath, 'PATH'],
    ['then ~/.azure/bin', { env: { PATH: '' }, homeDir: path.join(root, 'home'), cwd: root, provisionedPath: missing }, azure, '~/.azure/bin'],
  ];

  it.each(cases)('%s', (_name, options, expectedPath, expectedSource) => {
    expect(locateBicepCli(options)).toEqual({ path: expectedPath, source: expectedSource });
  });

  it('does not fall back when --bicep names no executable', () => {
    const call = () => locateBicepCli({ flag: missing, env: { PATH: path.dirname(onPath) }, homeDir: emptyHome, cwd: root, provisionedPath: provisioned });
    expect(call).toThrow(BicepNotFoundError);
    expect(call).toThrow(`no Bicep CLI found; looked in --bicep (${missing})`);
  });

  it('says where it looked and how to install one when nothing is found', () => {
    const call = () => locateBicepCli({ env: { PATH: path.join(root, 'empty') }, homeDir: emptyHome, cwd: root, provisionedPath: missing });
    expect(call).toThrow(
      `no Bicep CLI found; looked in the provisioned copy (${missing}), PATH, ${path.join(emptyHome, '.azure', 'bin', 'bicep')}. ` +
        'Install one with `npm run provision-bicep` (restores the pinned NuGet package with dotnet) or `az bicep install`, ' +
        'or pass --bicep <path> or set BICEP_PATH.',
    );
  });
});
