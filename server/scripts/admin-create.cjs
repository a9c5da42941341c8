#!/usr/bin/env node
// `npm run admin:create -- --street 会战道街道 --name 尹宝峰 [--phone 138…]`: the first street administrator of a street.
// Builds the server when missing or stale (like start.cjs), then runs it on the same database as the service
// (DATABASE_URL, default data/linli.sqlite): migrations, the street if new, and a one-time binding code printed here.
const { execSync, spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { root, serverStale } = require('./stale.cjs');

const entry = join(root, 'dist/server/server/src/admin-create.js');
if (serverStale('dist/server/server/src/admin-create.js')) {
  console.error('[admin:create] 正在编译服务端（npx tsc -p server/tsconfig.build.json）…');
  execSync('npx tsc -p server/tsconfig.build.json', { cwd: root, stdio: ['ignore', 2, 2] });
}
const r = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
