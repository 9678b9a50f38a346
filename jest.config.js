// Two projects: fast pure unit tests beside the code, and end-to-end tests under test/
// each with a database copied from the run's migrated template and a queue prefix of its own
// (test/global-setup.ts, test/support/own-database.ts).
const moduleNameMapper = {
  '^@onewindow/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@onewindow/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
const common = { rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform, testEnvironment: 'node' };

module.exports = {
  cacheDirectory: '<rootDir>/.jest-cache',
  // End-to-end journeys wait on real queues; unit tests finish long before this.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/own-database.ts'],
    },
  ],
};
