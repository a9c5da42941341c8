// Shared by start.cjs and admin-create.cjs: is a build output older than the sources it is built from?
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

/** The newest modification time under a folder (0 when it does not exist). */
const newest = (dir) => {
  if (!existsSync(dir)) return 0;
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

/** Whether `file` (relative to the repository) is missing or older than anything under `sources`. */
const stale = (file, sources) => {
  const out = join(root, file);
  const built = existsSync(out) ? statSync(out).mtimeMs : 0;
  return built < Math.max(...sources.map((s) => newest(join(root, s))));
};

/** The compiled server (its entry `file`) is missing or older than server/src or contracts. */
const serverStale = (file = 'dist/server/server/src/main.js') => stale(file, ['server/src', 'contracts']);

module.exports = { root, stale, serverStale };
