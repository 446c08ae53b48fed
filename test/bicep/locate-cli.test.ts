import path from 'node:path';
import { BicepFlagError, BicepNotFoundError } from '../../src/bicep/errors';
import { packageJson } from '../../src/package-info';
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

  it('does not fall back when --bicep names no executable: a usage error that names the path', () => {
    const call = () => locateBicepCli({ flag: missing, env: { PATH: path.dirname(onPath) }, homeDir: emptyHome, cwd: root, provisionedPath: provisioned });
    expect(call).toThrow(BicepFlagError);
    expect(call).toThrow(`--bicep ${missing}: no such file; give the path of a Bicep CLI executable`);
  });

  it('nor when BICEP_PATH does, which it names', () => {
    const call = () => locateBicepCli({ env: { BICEP_PATH: missing, PATH: path.dirname(onPath) }, homeDir: emptyHome, cwd: root, provisionedPath: provisioned });
    expect(call).toThrow(BicepNotFoundError);
    expect(call).toThrow(`no Bicep CLI found; looked in BICEP_PATH (${missing}: no such file).`);
  });

  it('looks for the provisioned copy in the per-user cache by default', () => {
    const xdg = path.join(root, 'xdg');
    const cli = makeExecutable(path.join(xdg, 'bicep-audit', 'bicep', packageJson().bicepCli.version, 'bicep'));
    expect(locateBicepCli({ env: { XDG_CACHE_HOME: xdg, PATH: path.dirname(onPath) }, homeDir: emptyHome, cwd: root })).toEqual({ path: cli, source: 'provisioned' });
  });

  it('says where it looked and how to install one when nothing is found', () => {
    const call = () => locateBicepCli({ env: { PATH: path.join(root, 'empty') }, homeDir: emptyHome, cwd: root, provisionedPath: missing });
    expect(call).toThrow(
      `no Bicep CLI found; looked in the provisioned copy (${missing}), PATH, ${path.join(emptyHome, '.azure', 'bin', 'bicep')}. ` +
        'To audit Bicep files, run `npx bicep-audit --provision` (downloads the pinned Bicep CLI from your NuGet feed into your user cache), ' +
        'or set BICEP_PATH to a Bicep CLI, or run `az bicep install`.',
    );
  });
});
