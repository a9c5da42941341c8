import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { apiAs, browserDescribe, loginAs, phone, SCREENSHOTS, serverAndBrowser } from './support';

const suite = browserDescribe();
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function tapText(page: Page, text: string | RegExp) {
  const el = page.getByText(text, { exact: typeof text === 'string' }).first();
  await el.waitFor({ state: 'visible' });
  await el.tap();
}

/** Fills one of the setup form's fields (a Taro Input: the real <input> is inside the element with the id). */
async function fill(page: Page, id: string, value: string) {
  await page.locator(`#${id} input`).fill(value);
}

/** A phone page for someone who never used Linli: 以新用户身份登录（演示）, as after a first WeChat login. */
async function newUser(run: { server: { url: string }; browser: import('playwright-core').Browser }, errors: string[]): Promise<Page> {
  const page = await (await phone(run.browser)).newPage();
  page.on('pageerror', (e) => errors.push(`new user: ${e.message}`));
  await page.goto(run.server.url);
  await page.locator('#login-new-user').tap();
  await page.locator('#home-greeting').waitFor();
  return page;
}

suite('a street sets itself up in Linli (H5 in Chromium, real server)', () => {
  const run = serverAndBrowser();

  it('the street admin builds a community, grid, building and unit and invites a grid worker, who redeems the code and handles a new resident’s concern', async () => {
    const { server, browser } = run;
    const errors: string[] = [];
    const stamp = String(Date.now()).slice(-5);
    const community = `新华社区${stamp}`;

    // 1. 尹宝峰 (street admin): 我的 → 组织架构 → community → grid (450 households) → building → unit.
    const admin = await loginAs(server, browser, /^尹宝峰 · 街道管理员/, errors);
    await admin.goto(`${server.url}/#/pages/me/index`);
    await admin.locator('#me-setup').tap();
    await admin.locator('#setup-add-community').tap();
    await fill(admin, 'setup-name-input', community);
    await admin.locator('#setup-save').tap();
    const card = admin.locator('.setup-card', { hasText: community }).first();
    await card.waitFor();
    await card.locator('[id$="-add-grid"]').first().tap();
    await fill(admin, 'setup-name-input', '第1网格');
    await fill(admin, 'setup-households-input', '450');
    await admin.locator('#setup-save').tap();
    await admin.getByText('覆盖户数：450 户').first().waitFor();
    await admin.locator('[id$="-add-building"]').filter({ visible: true }).first().tap();
    await fill(admin, 'setup-name-input', '8号楼');
    await admin.locator('#setup-save').tap();
    await admin.getByText('8号楼').first().waitFor();
    await admin.locator('[id$="-add-unit"]').filter({ visible: true }).first().tap();
    await fill(admin, 'setup-name-input', '1单元');
    await admin.locator('#setup-save').tap();
    await admin.getByText('1单元').first().waitFor();
    await shot(admin, 'setup-01-org-tree');

    const street = await apiAs(server, '尹宝峰');
    const tree = await street.get('/api/setup/tree');
    const made = tree.communities.find((c: { name: string }) => c.name === community);
    expect(made.grids).toHaveLength(1);
    expect(made.grids[0]).toMatchObject({ name: '第1网格', households: 450, gridWorkerName: null });
    expect(made.grids[0].buildings[0]).toMatchObject({ name: '8号楼', units: [{ name: '1单元', retired: false }] });
    const gridId = made.grids[0].id;

    // 2. He invites a grid worker for that grid and reads the one-time code.
    await admin.goto(`${server.url}/#/pages/me/index`);
    await admin.locator('#me-staff').tap();
    await admin.locator('#members-invite').tap();
    await admin.locator('#invite-role-grid_worker').tap();
    await admin.locator(`#invite-community-${made.id}`).tap();
    await admin.locator(`#invite-grid-${gridId}`).tap();
    await admin.locator('#invite-name input').fill('周建华');
    await admin.locator('#invite-create').tap();
    const code = (await admin.locator('#invite-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await admin.locator('#invite-qr').waitFor();
    await shot(admin, 'setup-02-invitation-code');

    // 3. 周建华 logs in for the first time (a resident), types the code under 我的 → 输入邀请码: now the grid's worker.
    const worker = await newUser(run, errors);
    await worker.goto(`${server.url}/#/pages/me/index`);
    await worker.locator('#me-redeem').tap();
    await worker.locator('#redeem-code input').fill(code.toLowerCase().replace('-', ''));
    await worker.locator('#redeem-submit').tap();
    await worker.locator('#redeem-done').getByText(/您现在是网格员/).waitFor();
    await shot(worker, 'setup-03-redeemed');
    expect((await street.get('/api/setup/tree')).communities.find((c: { id: number }) => c.id === made.id).grids[0].gridWorkerName).not.toBeNull();

    // 4. A new resident chooses the new unit and raises a concern; it goes straight to the new grid worker.
    const text = `8号楼门口的路灯不亮了 ${stamp}`;
    const resident = await newUser(run, errors);
    await resident.locator('#home-choose-unit').tap();
    await tapText(resident, community);
    await tapText(resident, '8号楼');
    await resident.getByText('第三步：选择单元').waitFor();
    await tapText(resident, '1单元');
    await resident.getByText(`我的住址：${community} 8号楼 1单元`).waitFor();
    await resident.locator('#home-new-concern').tap();
    await resident.locator('#category-facilities').tap();
    await resident.locator('#concern-text textarea').fill(text);
    await resident.locator('#new-concern-submit').tap();
    await resident.locator('#concern-status').getByText('已提交').waitFor();

    // 5. The new grid worker accepts it from the workbench, then resolves it on its page.
    await worker.locator('#redeem-workbench').tap();
    const concernCard = worker.locator('.concern-card', { hasText: text });
    await concernCard.waitFor();
    await concernCard.locator('.concern-card__action').tap();
    await concernCard.getByText('已受理').waitFor();
    await concernCard.locator('.concern-card__body').tap();
    await worker.locator('#action-resolve').tap();
    await worker.locator('#action-note textarea').fill('已联系物业更换灯泡，今晚恢复照明');
    await worker.locator('#action-confirm').tap();
    await worker.locator('#concern-status').getByText('已解决').waitFor();
    await shot(worker, 'setup-04-worker-resolved');

    // The server agrees: the concern sits in the new grid, handled by the invited worker; the audit log has it all.
    const log = await street.get('/api/audit');
    const actions = log.items.map((e: { action: string }) => e.action);
    for (const a of ['org.create', 'invitation.create', 'invitation.redeem', 'role.change']) expect(actions).toContain(a);
    const staffList = await street.get('/api/staff');
    const invited = staffList.items.filter((s: { role: string; gridId: number | null }) => s.role === 'grid_worker' && s.gridId === gridId);
    expect(invited).toHaveLength(1);
    expect(invited[0].name).toMatch(/^新用户\d+$/);
    const handled = await street.get('/api/concerns/inbox?view=area&status=resolved&limit=100');
    expect(handled.items.find((c: { text: string }) => c.text === text)).toMatchObject({ status: 'resolved' });
    expect(errors).toEqual([]);
  });
});
