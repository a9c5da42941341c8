#!/usr/bin/env node
// `npm start`: builds what is missing or stale (server, H5 app), then starts the service.
// Embedded SQLite by default (data/linli.sqlite); DATABASE_URL=mysql://… switches to MariaDB/MySQL.
const { execSync, spawn } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const newest = (dir) => {
  if (!existsSync(dir)) return 0;
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const built = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const run = (cmd) => {
  console.log(`[start] ${cmd}`);
  execSync(cmd, { cwd: root, stdio: 'inherit' });
};

const serverMain = join(root, 'dist/server/server/src/main.js');
if (built(serverMain) < Math.max(newest(join(root, 'server/src')), newest(join(root, 'contracts')))) {
  run('npx tsc -p server/tsconfig.build.json');
}
const h5Index = join(root, 'dist/h5/index.html');
if (process.env.SKIP_H5_BUILD !== '1' && built(h5Index) < Math.max(newest(join(root, 'client')), newest(join(root, 'contracts')), newest(join(root, 'config')))) {
  run('npm run build:h5');
}

const child = spawn(process.execPath, [serverMain], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
