import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { apiAs, browserDescribe, loginAs, loginOn, phone, SCREENSHOTS, serverAndBrowser } from './support';

const suite = browserDescribe();

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** A detail page from its top (status, holder, rating), once the toast has gone. */
async function topShot(page: Page, name: string) {
  await page.locator('#concern-category').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1800); // a toast shows for 1.5 s
  await shot(page, name);
}

/** Taro H5 reacts to touch; tap the element itself (NutUI's inner text does not take pointer events). */
async function tapText(page: Page, text: string | RegExp) {
  const el = page.getByText(text, { exact: typeof text === 'string' }).first();
  await el.waitFor({ state: 'visible' });
  await el.tap();
}

suite('Linli H5 in Chromium against the real server', () => {
  const run = serverAndBrowser();

describe('a resident raises a concern and their grid worker accepts it (H5 in Chromium, real server)', () => {

  it('login → choose unit → submit → the grid worker sees and accepts → the resident sees “已受理” and a notice', async () => {
    const { server, browser } = run;
    const text = `3号楼楼道的灯坏了，晚上看不清路 ${Date.now()}`;
    const residentCtx = await phone(browser);
    const resident = await residentCtx.newPage();
    const pageErrors: string[] = [];
    resident.on('pageerror', (e) => pageErrors.push(e.message));

    // 刘明 has not chosen a unit yet.
    await loginOn(resident, server, /^刘明 · 居民/);
    await resident.locator('#home-choose-unit').waitFor();
    await shot(resident, '01-resident-home-no-unit');
    await resident.locator('#home-choose-unit').tap();
    await tapText(resident, '创业一社区');
    await tapText(resident, '1号楼');
    await resident.getByText('第三步：选择单元').waitFor();
    await shot(resident, '02-choose-unit');
    await tapText(resident, '2单元');
    await resident.locator('#home-greeting').waitFor();
    await resident.getByText('我的住址：创业一社区 1号楼 2单元').waitFor();
    await resident.locator('#home-unit-unconfirmed').waitFor();

    await resident.locator('#home-new-concern').tap();
    await resident.locator('#category-facilities').tap();
    await resident.locator('#concern-text textarea').fill(text);
    await shot(resident, '03-new-concern');
    await resident.locator('#new-concern-submit').tap();
    await resident.getByText(text).waitFor();
    await resident.getByText('已提交').first().waitFor();
    await shot(resident, '04-concern-submitted');

    // The grid worker of 创业一社区 第1网格, in a second browser context.
    const workerCtx = await phone(browser);
    const worker = await workerCtx.newPage();
    worker.on('pageerror', (e) => pageErrors.push(e.message));
    await loginOn(worker, server, /^王网格员 · 网格员 · 创业一社区 第1网格/);
    await worker.locator('#home-workbench').tap();
    const card = worker.locator('.concern-card', { hasText: text });
    await card.waitFor();
    await expectVisible(card.getByText('未确认'));
    await shot(worker, '05-worker-inbox');
    await card.locator('.concern-card__action').tap();
    // Accepted: still the worker's to handle, now 已受理 without the quick 受理; also under 辖区全部.
    await card.getByText('已受理').waitFor();
    await card.locator('.concern-card__action').waitFor({ state: 'detached' });
    await worker.locator('#inbox-view-area').tap();
    await worker.locator('.concern-card', { hasText: text }).getByText('已受理').waitFor();
    await shot(worker, '06-worker-accepted');

    // Back to the resident: the concern shows 已受理 and there is an unread notice.
    await resident.goto(`${server.url}/#/pages/concerns/index`);
    await resident.locator('.concern-card', { hasText: text }).getByText('已受理').waitFor();
    await resident.goto(`${server.url}/#/pages/home/index`);
    await resident.locator('#home-unread-count').waitFor();
    await resident.goto(`${server.url}/#/packages/account/notifications/index`);
    await resident.getByText('您反映的问题已受理').waitFor();
    await shot(resident, '07-resident-notified');

    // And the server agrees (no UI-only success).
    const mine = await (await apiAs(server, '刘明')).get('/api/concerns/mine');
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ text, status: 'accepted', category: 'facilities', holderName: '王网格员', unconfirmed: true });
    expect(pageErrors).toEqual([]);
  });
});

/** A real PNG (the server checks the content, not the name): w×h of one colour. */
function solidPng(w: number, h: number, [r, g, b]: [number, number, number]): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * H5 photos: Taro's chooseMedia clicks a hidden <input type=file> (after an action sheet "拍摄 /
 * 从相册选择" when the browser looks like a phone); Playwright answers the file chooser.
 */
async function addPhoto(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('#photo-picker-add').tap();
  const sheet = page.getByText('从相册选择');
  const first = await Promise.race([chooser.then(() => 'chooser' as const), sheet.waitFor().then(() => 'sheet' as const)]);
  if (first === 'sheet') await sheet.tap();
  await (await chooser).setFiles(file);
}

describe('a concern with a photo goes up from the grid to the community, is resolved and rated (H5 in Chromium, real server)', () => {

  it('resident submits with a photo → grid worker accepts and escalates → community accepts and resolves → resident rates 5 → 已办结', async () => {
    const { server, browser } = run;
    const text = `2单元楼道顶上漏水，墙皮都泡了 ${Date.now()}`;
    const errors: string[] = [];

    // 张桂芳 lives in 创业一社区 第1网格 (1号楼 1单元).
    const resident = await loginAs(server, browser, /^张桂芳 · 居民/, errors);
    await resident.locator('#home-new-concern').tap();
    await resident.locator('#category-leak').tap();
    // The category's emergency notice shows before submission.
    await resident.locator('#concern-emergency-notice').getByText(/请先关闭水阀和电闸/).waitFor();
    await resident.locator('#concern-text textarea').fill(text);
    await addPhoto(resident, { name: 'leak.png', mimeType: 'image/png', buffer: solidPng(96, 72, [30, 120, 200]) });
    await resident.locator('.photo-picker__item--done').waitFor();
    await resident.locator('#new-concern-submit').scrollIntoViewIfNeeded();
    expect(await resident.locator('#new-concern-submit').evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);
    await shot(resident, '09-new-concern-with-photo');
    await resident.locator('#new-concern-submit').tap();
    await resident.locator('#concern-status').getByText('已提交').waitFor();
    const id = Number(/[?&]id=(\d+)/.exec(resident.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    await resident.getByText(text).waitFor();
    // The photo came back from the server with the login token and shows from a local blob.
    const photoSrc = resident.locator('.photo-grid__item img').first();
    await photoSrc.waitFor();
    expect(await photoSrc.getAttribute('src')).toMatch(/^blob:/);
    await resident.waitForTimeout(600); // let the page slide in before the screenshot
    await shot(resident, '10-resident-detail-with-photo');

    // 王网格员: quick 受理 in the inbox, then 上报给社区 with a reason on the detail page.
    const worker = await loginAs(server, browser, /^王网格员 · 网格员 · 创业一社区 第1网格/, errors);
    await worker.locator('#home-workbench').tap();
    const card = worker.locator('.concern-card', { hasText: text });
    await card.locator('.concern-card__action').tap();
    await card.getByText('已受理').waitFor();
    await card.locator('.concern-card__body').tap();
    await worker.locator('#action-escalate').tap();
    await worker.locator('#action-note textarea').fill('楼顶防水层老化，需要社区协调维修资金');
    await shot(worker, '11-worker-escalates');
    await worker.locator('#action-confirm').tap();
    await worker.locator('#concern-status').getByText('已上报').waitFor();
    await worker.locator('#concern-holder').getByText(/社区/).waitFor();

    // 解娜 (创业一社区): accepts, then resolves with a note.
    const staff = await loginAs(server, browser, /^解娜 · 社区工作人员 · 创业一社区/, errors);
    await staff.goto(`${server.url}/#/packages/concerns/detail/index?id=${id}`);
    await staff.locator('#action-accept').tap();
    await staff.locator('#concern-status').getByText('已受理').waitFor();
    await staff.locator('#concern-holder').getByText(/解娜/).waitFor();
    await staff.locator('#action-resolve').tap();
    await staff.locator('#action-note textarea').fill('已请物业修补楼顶防水层，楼道墙面已重新粉刷');
    await addPhoto(staff, { name: 'fixed.png', mimeType: 'image/png', buffer: solidPng(96, 72, [40, 160, 90]) });
    await staff.locator('#action-panel-resolve .photo-picker__item--done').waitFor();
    await staff.locator('#action-confirm').tap();
    await staff.locator('#concern-status').getByText('已解决').waitFor();
    await staff.locator('.timeline .photo-grid__item img').first().waitFor();
    await topShot(staff, '12-community-resolved');

    // The resident rates it 5 stars.
    await resident.goto(`${server.url}/#/packages/concerns/detail/index?id=${id}`);
    await resident.locator('#concern-status').getByText('已解决').waitFor();
    await resident.locator('#action-rate').tap();
    await resident.locator('#star-5').tap();
    await resident.locator('#action-note textarea').fill('修得又快又好');
    await resident.locator('#action-confirm').tap();
    await resident.locator('#concern-status').getByText('已办结').waitFor();
    await resident.locator('#concern-rating').getByText(/5 星（非常满意）：修得又快又好/).waitFor();
    await resident.locator('#concern-actions').waitFor({ state: 'attached' });
    expect(await resident.locator('#concern-actions button').count()).toBe(0);
    // The photo of the fix shows on the resolved step of the timeline.
    await resident.locator('.timeline .photo-grid__item img').first().waitFor();
    await topShot(resident, '13-resident-rated');

    // And the server agrees (no UI-only success).
    const { get } = await apiAs(server, '张桂芳');
    const detail = await get(`/api/concerns/${id}`);
    expect(detail).toMatchObject({ text, status: 'closed', rating: 5, ratingComment: '修得又快又好', photoCount: 2, firstOwnerName: '王网格员', holderLevel: 'community' });
    expect(detail.photoUrls).toHaveLength(1);
    expect(detail.timeline.find((e: { type: string }) => e.type === 'resolved').photoUrls).toHaveLength(1);
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'accepted', 'escalated', 'accepted', 'resolved', 'rated']);
    expect(errors).toEqual([]);
  });
});

async function expectVisible(locator: ReturnType<Page['locator']>) {
  await locator.first().waitFor({ state: 'visible' });
}

describe('elder-friendly rendering in the browser (computed styles, not class names)', () => {

  it('enabled buttons are fully opaque with full-contrast text; the large-text switch makes body text ≥ 18px and primary buttons ≥ 60px tall', async () => {
    const { server, browser } = run;
    const ctx = await phone(browser);
    const page = await ctx.newPage();
    await loginOn(page, server, /^张桂芳 · 居民/);
    const submitStyle = () =>
      page.locator('#home-new-concern').evaluate((el) => {
        const cs = getComputedStyle(el);
        return { opacity: Number(cs.opacity), height: el.getBoundingClientRect().height, color: cs.color };
      });
    expect((await submitStyle()).opacity).toBe(1);
    // Full white on the red button (Taro's own [disabled] rule once made it 60% white on enabled buttons).
    expect((await submitStyle()).color).toBe('rgb(255, 255, 255)');

    await page.goto(`${server.url}/#/pages/me/index`);
    await page.locator('#large-text-switch').tap();
    await page.getByText('已开启').waitFor();
    await page.goto(`${server.url}/#/pages/home/index`);
    await page.locator('#home-greeting').waitFor();
    const bodySize = await page.locator('.home-page__unit').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(18);
    const large = await submitStyle();
    expect(large.height).toBeGreaterThanOrEqual(60);
    expect(large.opacity).toBe(1);
    await shot(page, '08-large-text-home');
  });
});
});
