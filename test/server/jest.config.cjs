// Server tests: unit (*.spec.ts) and e2e against SQLite and MariaDB (*.e2e-spec.ts).
// @nestjs/* 12 is ESM-only; jest (Node 20) cannot require it, so swc transforms those packages too.
const esm = ['@nestjs', 'content-disposition', 'cookie', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', '@borewit'];
module.exports = {
  displayName: 'server',
  rootDir: '../..',
  testMatch: ['<rootDir>/test/server/**/*.spec.ts', '<rootDir>/test/server/**/*.e2e-spec.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/server/support/global-setup.cjs',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esm.join('|')})/)(?!.*node_modules/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testTimeout: 60000,
};
