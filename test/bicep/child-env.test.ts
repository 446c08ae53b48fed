import { bicepProcessEnv } from '../../src/bicep/child-env';

describe('the environment of a Bicep CLI process', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('turns .NET diagnostics off and starts the thread pool with eight threads', () => {
    delete process.env.DOTNET_ThreadPool_ForceMinWorkerThreads;
    process.env.DOTNET_EnableDiagnostics = '1';
    const env = bicepProcessEnv();
    expect(env.DOTNET_EnableDiagnostics).toBe('0');
    expect(env.DOTNET_ThreadPool_ForceMinWorkerThreads).toBe('8');
  });

  it("keeps the user's own thread pool setting and the rest of the environment", () => {
    process.env.DOTNET_ThreadPool_ForceMinWorkerThreads = '20';
    process.env.BICEP_AUDIT_TEST_VALUE = 'kept';
    const env = bicepProcessEnv();
    expect(env.DOTNET_ThreadPool_ForceMinWorkerThreads).toBe('20');
    expect(env.BICEP_AUDIT_TEST_VALUE).toBe('kept');
  });
});
