import { DIALECTS } from './support/test-app';
import { appWithFreshArea } from './support/area-suite';
import { AuditService } from '../../server/src/modules/audit/audit.service';
import { AuditLogEntity } from '../../server/src/modules/audit/audit-log.entity';
import { UserEntity } from '../../server/src/modules/users/user.entity';

/** Issue 10: the audit log is append-only in the database; the street reads its own; the role comes from the database. */
describe.each(DIALECTS)('audit log and database roles on %s', (dialect) => {
  const { t, http, area } = appWithFreshArea(dialect, 'auditlog');
  const audit = () => t.app.get(AuditService);
  const entry = (streetId: number | null, action: 'role.change' | 'org.create', actorId: number | null, subjectUserId: number | null = null) =>
    t.db.transaction((m) => audit().record(m, { action, streetId, actor: actorId === null ? null : { id: actorId, role: 'street_admin' }, subjectUserId, detail: '网格员 → 居民' }));

  it('refuses UPDATE and DELETE of an entry in the database itself, and keeps it', async () => {
    await entry(area.streetId, 'role.change', area.streetAdmin.id, area.workerA1.id);
    const [row] = await t.ds.manager.find(AuditLogEntity);
    await expect(t.ds.query(`UPDATE audit_log SET detail = 'x' WHERE id = ${row.id}`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_log WHERE id = ${row.id}`)).rejects.toThrow(/append-only/);
    expect(await t.ds.manager.findOneByOrFail(AuditLogEntity, { id: row.id })).toMatchObject({ detail: '网格员 → 居民', action: 'role.change' });
  });

  it('the street admin reads their street only, newest first, page by page with a filter; nobody else may', async () => {
    for (let i = 0; i < 55; i++) await entry(area.streetId, i % 2 ? 'role.change' : 'org.create', area.streetAdmin.id, area.workerA1.id);
    await entry(area.streetId + 999, 'role.change', null);
    await entry(area.streetId, 'org.create', null);
    const token = await http.as(area.streetAdmin);
    const first = await http.get('/api/audit', token);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.items[0]).toMatchObject({ action: 'org.create', actionLabel: '新建组织', actor: '系统', subject: null });
    expect(first.body.items[1]).toMatchObject({ action: 'org.create', actor: '街道管理员（街道管理员）', subject: '甲网格员' });
    const ids = first.body.items.map((x: { id: number }) => x.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await http.get(`/api/audit?before=${first.body.nextBefore}`, token);
    expect(second.body.items).toHaveLength(6);
    expect(second.body.nextBefore).toBeNull();
    const changes = await http.get('/api/audit?action=role.change', token);
    expect(changes.body.items).toHaveLength(27);
    expect(changes.body.items.every((x: { action: string }) => x.action === 'role.change')).toBe(true);
    expect((await http.get('/api/audit?action=nonsense', token)).body.code).toBe('VALIDATION_FAILED');
    for (const who of [area.staffA, area.workerA1, area.residentA1]) expect((await http.get('/api/audit', await http.as(who))).status).toBe(403);
  });

  it('takes the role from the database on every request: a lowered role loses access with the same token, a deleted account is logged out', async () => {
    const token = await http.as(area.streetAdmin);
    expect((await http.get('/api/audit', token)).status).toBe(200);
    await t.ds.manager.update(UserEntity, { id: area.streetAdmin.id }, { role: 'resident' });
    expect(await http.get('/api/audit', token)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await http.get('/api/me', token)).body.role).toBe('resident');
    await t.ds.manager.update(UserEntity, { id: area.streetAdmin.id }, { deletedAt: new Date() });
    expect(await http.get('/api/me', token)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
  });

  it('names a deleted account "已注销用户" when the log is read', async () => {
    await entry(area.streetId, 'role.change', area.streetAdmin.id, area.residentA1.id);
    // Only deleted_at: the name shown must come from it, not from a renamed row.
    await t.ds.manager.update(UserEntity, { id: area.residentA1.id }, { deletedAt: new Date() });
    const [e] = await audit().aboutSubject(area.residentA1.id);
    expect(e).toMatchObject({ subject: '已注销用户', actor: '街道管理员（街道管理员）', detail: '网格员 → 居民' });
  });
});
