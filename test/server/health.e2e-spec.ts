import { loadConfig } from '../../server/src/config/app-config';
import { DIALECTS, startTestApp, type TestApp } from './support/test-app';
import { api } from './support/http';
import { ownConfig, testEnv } from './support/own-database';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { createArea, type TestArea } from '../factories/org.factory';

describe.each(DIALECTS)('health and a database outage on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  /** MariaDB is reached through this forwarder, so the test can take it away. */
  let proxy: TcpProxy | null = null;

  beforeAll(async () => {
    const config = await ownConfig(dialect, 'health');
    if (config.database.dialect === 'mariadb') {
      const url = new URL(config.database.url);
      proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
      url.port = String(proxy.port);
      t = await startTestApp(loadConfig(testEnv(url.toString())));
    } else {
      t = await startTestApp(config);
    }
    http = api(t.app);
    area = await createArea(t.ds);
  });
  afterAll(async () => {
    await proxy?.restore();
    await t.close();
    await proxy?.close();
  });

  /** Every one of these needs the database: each must answer a coded 503, not an unlabelled 500. */
  const expectCoded503s = async (token: string) => {
    for (const res of [
      await http.get('/api/me', token),
      await http.get('/api/concerns/mine', token),
      await http.post('/api/concerns', { category: 'leak', text: '漏水' }, token),
    ]) {
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ code: 'DATABASE_UNAVAILABLE', message: expect.any(String), requestId: expect.any(String) });
    }
    // A call that needs no database still works.
    expect((await http.get('/api/auth/options')).status).toBe(200);
  };

  it('GET /api/health answers 200 {status: ok, database: up, dialect} without a token', async () => {
    const res = await http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', dialect, version: expect.any(String) });
  });

  if (dialect === 'mariadb') {
    it('MariaDB unreachable (connections dropped, new ones refused): health 503 {database: down}, API calls a coded 503; then it recovers', async () => {
      const token = await http.login(area.residentA1.id);
      expect((await http.get('/api/me', token)).status).toBe(200);
      await proxy!.cut();

      const health = await http.get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'unavailable', database: 'down', dialect });
      await expectCoded503s(token);

      // When MariaDB is reachable again the same process serves again, without a restart.
      await proxy!.restore();
      expect((await http.get('/api/health')).body).toMatchObject({ status: 'ok', database: 'up' });
      expect((await http.post('/api/concerns', { category: 'leak', text: '恢复后提交' }, token)).status).toBe(201);
    });
  }

  it('with the DataSource closed: health 503 {status: unavailable, database: down}, API calls a coded 503', async () => {
    const token = await http.login(area.residentA1.id);
    await t.ds.destroy();
    const health = await http.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', database: 'down', dialect });
    await expectCoded503s(token);
  });
});
