import { parseBicepVersion, supportsJsonRpc } from '../../src/bicep/version';

describe('Bicep CLI versions', () => {
  it('reads the version line the CLI prints', () => {
    expect(parseBicepVersion('Bicep CLI version 0.37.4 (a8b4b8c3f1)\n')).toEqual({ text: '0.37.4', major: 0, minor: 37, patch: 4 });
    expect(parseBicepVersion('hello')).toBeUndefined();
  });

  it.each([
    ['0.28.1', false],
    ['0.29.47', true],
    ['0.37.4', true],
    ['1.0.0', true],
  ])('%s has the stable JSON-RPC server: %s', (version, expected) => {
    expect(supportsJsonRpc(parseBicepVersion(`Bicep CLI version ${version} (x)`)!)).toBe(expected);
  });
});
