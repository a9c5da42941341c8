// One jest (29) for the whole repo; each project has its own config file.
module.exports = {
  rootDir: '..',
  projects: [
    '<rootDir>/test/server/jest.config.cjs',
    '<rootDir>/test/client/jest.config.cjs',
    '<rootDir>/test/browser/jest.config.cjs',
  ],
};
