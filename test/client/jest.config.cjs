// Client tests: jsdom + Testing Library; Taro and NutUI are replaced by small mocks.
const path = require('node:path');

const mocks = path.join(__dirname, 'mocks');

module.exports = {
  displayName: 'client',
  rootDir: '../..',
  testMatch: ['<rootDir>/test/client/**/*.test.ts', '<rootDir>/test/client/**/*.test.tsx'],
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '\\.(css|scss|sass)$': path.join(mocks, 'style.cjs'),
    '^@tarojs/taro$': path.join(mocks, 'taro.ts'),
    '^@tarojs/components$': path.join(mocks, 'components.tsx'),
    '^@nutui/nutui-react-taro$': path.join(mocks, 'nutui.tsx'),
    '^@/(.*)$': '<rootDir>/client/$1',
    '^@contracts/(.*)$': '<rootDir>/contracts/$1',
  },
  setupFiles: [path.join(mocks, 'setup.ts')],
  clearMocks: true,
};
