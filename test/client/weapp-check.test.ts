import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface CheckResult {
  errors: string[];
  mainPackageBytes: number;
  subPackageBytes: Record<string, number>;
  budgetBytes: number;
}
interface WeappCheck {
  checkWeapp: (opts?: { distDir?: string; budgetBytes?: number }) => CheckResult;
  DEFAULT_DIST: string;
}
const { checkWeapp, DEFAULT_DIST } = require('./weapp-check.cjs') as WeappCheck;

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A tiny but valid mini-program build: one main page, one subpackage page. */
function makeBuild(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-check-'));
  tempDirs.push(dir);
  const all: Record<string, string> = {
    'app.json': JSON.stringify({ pages: ['pages/a/index'], subPackages: [{ root: 'packages/b', pages: ['index'] }] }),
    'app.wxss': '.page { color: #1f1f1f; }',
    'pages/a/index.wxml': '<view class="page"><text>{{title}}</text></view>',
    'pages/a/index.wxss': '.a { font-size: 34rpx; }',
    'packages/b/index.wxml': '<view wx:for="{{list}}" wx:key="id">{{item.name}}</view>',
    'packages/b/index.js': 'x'.repeat(4096),
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('weapp-check (WeChat compilers + size budget)', () => {
  it('accepts a valid build and counts subpackages outside the main package', () => {
    const result = checkWeapp({ distDir: makeBuild({}) });
    expect(result.errors).toEqual([]);
    expect(result.subPackageBytes['packages/b/']).toBeGreaterThanOrEqual(4096);
    expect(result.mainPackageBytes).toBeLessThan(4096);
  });

  it('reports WXML that wcc rejects', () => {
    const result = checkWeapp({ distDir: makeBuild({ 'pages/a/index.wxml': '<view><text>{{title}}</view>' }) });
    expect(result.errors.join('\n')).toMatch(/wcc pages\/a\/index\.wxml/);
  });

  it('reports WXSS that wcsc rejects (WeChat has no * selector)', () => {
    const result = checkWeapp({ distDir: makeBuild({ 'pages/a/index.wxss': '.a * { color: red; }' }) });
    expect(result.errors.join('\n')).toMatch(/wcsc/);
  });

  it('fails when the main package is over budget', () => {
    const result = checkWeapp({ distDir: makeBuild({ 'vendors.js': 'y'.repeat(3000) }), budgetBytes: 2048 });
    expect(result.errors.join('\n')).toMatch(/main package .* over the 2 KiB budget/);
  });

  const built = fs.existsSync(path.join(DEFAULT_DIST, 'app.json'));
  const inCi = process.env.CI === 'true';
  (built || inCi ? it : it.skip)('the real dist/weapp build passes (run `npm run build:weapp` first)', () => {
    if (!built) throw new Error(`${DEFAULT_DIST} is missing: CI must build the mini-program before the client tests`);
    const result = checkWeapp();
    expect(result.errors).toEqual([]);
    expect(result.mainPackageBytes).toBeLessThanOrEqual(600 * 1024);
  });
});
