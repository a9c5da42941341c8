#!/usr/bin/env node
// `npm test`: the whole suite, in the order a failure is cheapest to find.
//  1. type-check server and client        4. WeChat compilers (wcc/wcsc) over the weapp build + size budget
//  2. build the server (process tests)    5. jest: server (SQLite + MariaDB) and client
//  3. build H5 and weapp (production)     6. jest: browser (Chromium drives the H5 build on the real server)
// Outside CI, the MariaDB half and the browser tests skip loudly when their service is absent; with CI=true they must run.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const steps = [
  ['type-check', 'npx', ['tsc', '-p', 'server/tsconfig.json', '--noEmit']],
  ['type-check client', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['build server', 'npx', ['tsc', '-p', 'server/tsconfig.build.json']],
  ['build h5', 'npm', ['run', 'build:h5']],
  ['build weapp', 'npm', ['run', 'build:weapp']],
  ['weapp check (wcc/wcsc + main package budget)', 'node', ['test/client/weapp-check.cjs']],
  ['jest server + client', 'npx', ['jest', '--config', 'test/jest.config.cjs', '--selectProjects', 'server', 'client']],
  ['jest browser', 'npx', ['jest', '--config', 'test/jest.config.cjs', '--selectProjects', 'browser', '--runInBand']],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const t0 = Date.now();
  process.stdout.write(`\n=== ${name} ===\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: name.startsWith('build') ? 'production' : process.env.NODE_ENV } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stdout.write(`\n✗ ${name} failed after ${secs} s (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
  process.stdout.write(`✓ ${name} (${secs} s)\n`);
}
process.stdout.write(`\nAll green in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
