import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const MAIN_JS = join(ROOT, 'dist/server/server/src/main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Compiles the server when dist is missing or older than any file under server/src or contracts. */
export function ensureServerBuilt(): void {
  const sources = Math.max(newestMtime(join(ROOT, 'server/src')), newestMtime(join(ROOT, 'contracts')));
  if (existsSync(MAIN_JS) && statSync(MAIN_JS).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'server/tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns the compiled server with only the given environment (plus PATH/HOME): nothing leaks in
 * from the test process (jest sets NODE_ENV=test).
 */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const port = Number(env.PORT);
  return { child, port, url: `http://127.0.0.1:${port}`, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the "listening" log line; fails with the output if the process exits first or takes too long. */
export async function waitListening(server: ServerProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (!/"msg":"Linli listening on /.test(server.stdout())) {
    if (exited || Date.now() > deadline) {
      throw new Error(`server did not start (exited: ${exited})\nstdout:\n${server.stdout()}\nstderr:\n${server.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The stdout lines, each parsed as JSON (throws on a line that is not JSON). */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`stdout line is not JSON: ${line}`);
      }
    });
}
