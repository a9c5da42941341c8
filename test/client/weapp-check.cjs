#!/usr/bin/env node
// Validates the WeChat mini-program build offline, after `npm run build:weapp`:
//  1. WeChat's own compilers (wcc for WXML/WXS, wcsc for WXSS, from the npm package
//     miniprogram-compiler) must accept every file in dist/weapp;
//  2. the main package (everything except the subpackage roots in app.json) must stay
//     within the size budget.
// Exits 1 on any problem. `checkWeapp()` is exported for the jest test.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_DIST = path.join(ROOT, 'dist', 'weapp');
const MAIN_PACKAGE_BUDGET = 600 * 1024;
const MAX_BUFFER = 64 * 1024 * 1024;

function toPosix(p) {
  return p.split(path.sep).join('/');
}

/** All files under dir, as posix paths relative to dir. */
function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push(toPosix(path.relative(base, full)));
  }
  return out.sort();
}

/** The linux/mac/windows wcc or wcsc binary; the npm tarball ships them without the execute bit. */
function compilerPath(name) {
  const pkgDir = path.dirname(require.resolve('miniprogram-compiler/package.json', { paths: [ROOT] }));
  const sub = process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux';
  const bin = path.join(pkgDir, 'bin', sub, process.platform === 'win32' ? `${name}.exe` : name);
  if (!fs.existsSync(bin)) throw new Error(`${name} not found at ${bin}`);
  if (process.platform !== 'win32') {
    try {
      fs.accessSync(bin, fs.constants.X_OK);
    } catch {
      fs.chmodSync(bin, 0o755);
    }
  }
  return bin;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** wcc's custom-component argument: "<count> <page.wxml> <n> <names…> …" for every file with usingComponents. */
function componentArgs(distDir, wxmlFiles) {
  const parts = [];
  let count = 0;
  for (const file of wxmlFiles) {
    const json = readJson(path.join(distDir, file.replace(/\.wxml$/, '.json')));
    const using = json && json.usingComponents ? Object.keys(json.usingComponents) : [];
    if (using.length) {
      count += 1;
      parts.push(file, String(using.length), ...using);
    }
  }
  return [String(count), ...parts].join(' ');
}

function runCompiler(bin, args, cwd) {
  const res = spawnSync(bin, args, { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' });
  if (res.error) return { ok: false, output: String(res.error) };
  const output = `${res.stderr || ''}`.trim();
  return { ok: res.status === 0, output: output || `exit code ${res.status}` };
}

function checkWxml(distDir, files) {
  const wxml = files.filter((f) => f.endsWith('.wxml'));
  const wxs = files.filter((f) => f.endsWith('.wxs'));
  if (!wxml.length) return ['no .wxml files found'];
  const bin = compilerPath('wcc');
  const all = runCompiler(bin, ['-d', '-cc', componentArgs(distDir, wxml), ...wxml, ...wxs, '-gn', '$gwx'], distDir);
  if (all.ok) return [];
  // Name the offending files: compile each one on its own (templates it imports included).
  const errors = [];
  for (const file of wxml) {
    const one = runCompiler(bin, ['-d', '-cc', componentArgs(distDir, [file]), file, ...wxs, '-gn', '$gwx'], distDir);
    if (!one.ok) errors.push(`wcc ${file}: ${one.output}`);
  }
  return errors.length ? errors : [`wcc: ${all.output}`];
}

function checkWxss(distDir, files) {
  const wxss = files.filter((f) => f.endsWith('.wxss'));
  if (!wxss.length) return ['no .wxss files found'];
  const bin = compilerPath('wcsc');
  const all = runCompiler(bin, ['-db', '-pc', '0', ...wxss], distDir);
  return all.ok ? [] : [`wcsc: ${all.output}`];
}

function subpackageRoots(appJson) {
  const list = (appJson && (appJson.subPackages || appJson.subpackages)) || [];
  return list.map((p) => toPosix(String(p.root)).replace(/^\.?\/+/, '').replace(/\/?$/, '/'));
}

function packageSizes(distDir, files, roots) {
  let main = 0;
  const subs = Object.fromEntries(roots.map((r) => [r, 0]));
  for (const file of files) {
    const size = fs.statSync(path.join(distDir, file)).size;
    const root = roots.find((r) => file.startsWith(r));
    if (root) subs[root] += size;
    else main += size;
  }
  return { main, subs };
}

/**
 * Check a weapp build. Returns { errors, mainPackageBytes, subPackageBytes, budgetBytes, fileCount }.
 * Throws when the build directory does not exist.
 */
function checkWeapp({ distDir = DEFAULT_DIST, budgetBytes = MAIN_PACKAGE_BUDGET } = {}) {
  const appJsonPath = path.join(distDir, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    throw new Error(`${appJsonPath} not found — run \`npm run build:weapp\` first`);
  }
  const files = listFiles(distDir);
  const appJson = readJson(appJsonPath);
  const errors = [];
  if (!appJson) errors.push('app.json is not valid JSON');
  errors.push(...checkWxml(distDir, files), ...checkWxss(distDir, files));

  const { main, subs } = packageSizes(distDir, files, subpackageRoots(appJson));
  if (main > budgetBytes) {
    errors.push(`main package is ${(main / 1024).toFixed(1)} KiB, over the ${(budgetBytes / 1024).toFixed(0)} KiB budget`);
  }
  return { errors, mainPackageBytes: main, subPackageBytes: subs, budgetBytes, fileCount: files.length };
}

function main() {
  const distDir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_DIST;
  let result;
  try {
    result = checkWeapp({ distDir });
  } catch (e) {
    console.error(`weapp-check: ${e.message}`);
    process.exit(1);
  }
  console.log(`weapp-check: ${result.fileCount} files checked; every .wxml/.wxs/.wxss compiled with wcc/wcsc`);
  console.log(
    `weapp-check: main package ${(result.mainPackageBytes / 1024).toFixed(1)} KiB (budget ${(result.budgetBytes / 1024).toFixed(0)} KiB)`,
  );
  for (const [root, bytes] of Object.entries(result.subPackageBytes)) {
    console.log(`weapp-check: subpackage ${root} ${(bytes / 1024).toFixed(1)} KiB`);
  }
  if (result.errors.length) {
    for (const err of result.errors) console.error(`weapp-check: ERROR ${err}`);
    process.exit(1);
  }
  console.log('weapp-check: OK');
}

module.exports = { checkWeapp, MAIN_PACKAGE_BUDGET, DEFAULT_DIST };

if (require.main === module) main();
