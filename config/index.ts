import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { IH5Config } from '@tarojs/taro/types/compile/config';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

const rootDir = path.resolve(__dirname, '..');
/** contracts/ lives outside the source root: compile it like our own code. */
const contractsDir = path.join(rootDir, 'contracts');
const platform = process.env.TARO_ENV || 'weapp';

/** H5 is served by the API server itself (same origin); the mini-program needs a full URL. */
function apiBaseUrl(): string {
  if (platform === 'h5') return '';
  return process.env.TARO_APP_API_BASE_URL || 'http://localhost:3000';
}

/** NutUI is drawn for a 375-wide design; our own styles for 750. */
function designWidth(input: unknown): number {
  const file = (input as { file?: string } | null | undefined)?.file;
  if (typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui')) return 375;
  return 750;
}

/** The webpack-chain object Taro passes to `webpackChain`. */
type Chain = Parameters<NonNullable<IH5Config['webpackChain']>>[0];

function webpackChain(chain: Chain): void {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin, [
    {
      configFile: path.join(rootDir, 'tsconfig.json'),
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
    },
  ]);
  // Taro's persistent cache names `src/app.config` as a build dependency; our source root is
  // `client`, and a missing build dependency silently stops webpack from writing the cache.
  const cache: unknown = chain.get('cache');
  if (cache && typeof cache === 'object') {
    chain.cache({
      ...(cache as Record<string, unknown>),
      buildDependencies: {
        config: [
          path.join(rootDir, 'config', 'index.ts'),
          path.join(rootDir, 'config', 'dev.ts'),
          path.join(rootDir, 'config', 'prod.ts'),
          path.join(rootDir, 'babel.config.js'),
          path.join(rootDir, 'tsconfig.json'),
        ],
        files: [path.join(rootDir, 'client', 'app.config.ts')],
      },
    });
  }
}

function h5WebpackChain(chain: Chain): void {
  webpackChain(chain);
  // Taro splits only initial chunks, so every lazily loaded page chunk carried its own copy of
  // the shared components (~80 KB each); split shared modules of async chunks too.
  const splitChunks: unknown = chain.optimization.get('splitChunks');
  if (splitChunks && typeof splitChunks === 'object') {
    chain.optimization.splitChunks({ ...(splitChunks as object), chunks: 'all' });
  }
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-23',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'client',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl()),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // The dev prebundle would pull in all of NutUI (over its 2 MB limit).
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] },
    },
    cache: { enable: true },
    logger: { quiet: true, stats: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      miniCssExtractPluginOption: { ignoreOrder: true },
      compile: { include: [contractsDir] },
      webpackChain,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [contractsDir] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: h5WebpackChain,
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
