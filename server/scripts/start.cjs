#!/usr/bin/env node
// `npm start`: builds what is missing or stale (server, H5 app), then starts the service.
// Embedded SQLite by default (data/linli.sqlite); DATABASE_URL=mysql://… switches to MariaDB/MySQL.
const { execSync, spawn } = require('node:child_process');
const { join } = require('node:path');
const { root, serverStale, stale } = require('./stale.cjs');

const run = (cmd) => {
  console.log(`[start] ${cmd}`);
  execSync(cmd, { cwd: root, stdio: 'inherit' });
};

const serverMain = join(root, 'dist/server/server/src/main.js');
if (serverStale()) {
  run('npx tsc -p server/tsconfig.build.json');
}
if (process.env.SKIP_H5_BUILD !== '1' && stale('dist/h5/index.html', ['client', 'contracts', 'config'])) {
  run('npm run build:h5');
}

const child = spawn(process.execPath, [serverMain], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
