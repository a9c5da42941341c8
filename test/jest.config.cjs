// One jest (29) for the whole repo; each project has its own config file.
module.exports = {
  rootDir: '..',
  // testTimeout is a global option (ignored inside project configs): the browser and process tests need room.
  testTimeout: 120000,
  projects: [
    '<rootDir>/test/server/jest.config.cjs',
    '<rootDir>/test/client/jest.config.cjs',
    '<rootDir>/test/browser/jest.config.cjs',
  ],
};
