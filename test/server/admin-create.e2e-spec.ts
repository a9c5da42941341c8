import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './support/own-database';
import { ensureServerBuilt, freePort, ROOT, spawnServer, waitListening, type ServerProcess } from './support/server-process';

/** `npm run admin:create` as an operator runs it: a real process on a SQLite file, then the real server on that file. */
describe('npm run admin:create (the first street administrator)', () => {
  const tmp = tempDir('admincreate');
  const file = tmp.file('linli.sqlite');
  const env = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' });
  const command = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'server/scripts/admin-create.cjs'), ...args], { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const codeIn = (out: string) => /邀请码：([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(out)?.[1];
  let server: ServerProcess | null = null;

  beforeAll(() => ensureServerBuilt(), 180_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    tmp.remove();
  });

  it('refuses bad arguments with the usage, and touches no database', () => {
    const missing = command('--name', '尹宝峰');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('请用 --street 写明街道名称');
    expect(command('--street', '会战道街道', '--name', '尹宝峰', '--phone', '123').err).toContain('手机号应为 11 位数字');
    expect(existsSync(file)).toBe(false);
  });

  it('prints a one-time code on a fresh database; the named person logs in, types it, and is the street administrator', async () => {
    const run = command('--street', '会战道街道', '--name', '尹宝峰', '--phone', '13803179000');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('已新建街道“会战道街道”');
    expect(run.out).toMatch(/有效期至 .*（北京时间），只能使用一次/);
    expect(run.out).toContain('我的 → 输入邀请码');
    const code = codeIn(run.out)!;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

    // The database holds the street, one pending street_admin invitation (its hash only) and the audit entry.
    const db = new Database(file, { readonly: true });
    const invitations = db.prepare('SELECT role, invitee_name, code_hash, created_by, note FROM staff_invitations').all() as Record<string, unknown>[];
    const audit = db.prepare(`SELECT action, actor_id, detail FROM audit_log WHERE action = 'admin.bootstrap'`).all() as Record<string, unknown>[];
    db.close();
    expect(invitations).toEqual([{ role: 'street_admin', invitee_name: '尹宝峰', code_hash: expect.stringMatching(/^[0-9a-f]{64}$/), created_by: null, note: '联系电话 13803179000' }]);
    expect(audit).toEqual([{ action: 'admin.bootstrap', actor_id: null, detail: expect.stringContaining('尹宝峰') }]);

    const port = await freePort();
    server = spawnServer({ ...env(), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', SCHEDULER_ENABLED: 'false', SEED_DEMO: 'false', H5_DIR: tmp.file('no-h5') });
    await waitListening(server);
    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const res = await fetch(`${server!.url}${path}`, {
        method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const login = await call('POST', '/api/auth/dev-new-user', { name: '尹宝峰' });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    expect((await call('GET', '/api/audit', undefined, token)).status).toBe(403);
    expect(await call('POST', '/api/staff/invitations/redeem', { code: code.toLowerCase() }, token)).toMatchObject({ status: 200, body: { role: 'street_admin', areaName: '会战道街道' } });
    expect((await call('GET', '/api/me', undefined, token)).body).toMatchObject({ role: 'street_admin', scope: { level: 'street', name: '会战道街道' } });
    const log = await call('GET', '/api/audit', undefined, token);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['admin.bootstrap', 'invitation.redeem', 'role.change']));
    expect(log.body.items.find((e: { action: string }) => e.action === 'admin.bootstrap')).toMatchObject({ actor: '系统' });
    expect(await call('POST', '/api/staff/invitations/redeem', { code }, (await call('POST', '/api/auth/dev-new-user', {})).body.token)).toMatchObject({ status: 409, body: { code: 'INVITATION_USED' } });
    server.child.kill('SIGTERM');
    await server.exited;
  }, 120_000);

  it('a street that has its administrator gets no second code unless --force', () => {
    const again = command('--street', '会战道街道', '--name', '某人');
    expect(again.code).toBe(3);
    expect(again.err).toContain('已经有街道管理员：尹宝峰');
    expect(codeIn(again.out)).toBeUndefined();
    const forced = command('--street', '会战道街道', '--name', '副主任', '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('街道“会战道街道”已存在');
    expect(codeIn(forced.out)).toBeDefined();
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM streets').get() as { n: number }).n).toBe(1);
    db.close();
  });
});
