/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Tests that start the real Bicep CLI take seconds on a busy 2-core machine; this bounds a hang, it times nothing.
  testTimeout: 60_000,
  setupFilesAfterEnv: ['<rootDir>/test/helpers/cleanup.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
