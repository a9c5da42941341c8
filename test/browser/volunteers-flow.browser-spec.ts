import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { apiAs, browserDescribe, loginAs, SCREENSHOTS, serverAndBrowser } from './support';

const suite = browserDescribe();

/**
 * Taro H5 keeps the pages below the current one in the DOM (hidden): only what is visible is the current page.
 * Taro H5 scrolls inside the page, not the document: bring what the picture is about into view first.
 */
async function shot(page: Page, name: string, focus?: Locator) {
  if (focus) await focus.filter({ visible: true }).first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500); // a new page slides in from the right

  // A toast shows for 1.5 s over the middle of the page (its box has no size of its own: check its display).
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((t) => t.style.display === 'none'), null, { timeout: 3000 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Taro H5 reacts to touch; tap the element itself (NutUI's inner text does not take pointer events). */
async function tap(locator: Locator) {
  const el = locator.filter({ visible: true }).first();
  await el.waitFor({ state: 'visible' });
  await el.tap();
}

/** Taro.showModal in H5: its confirm button (title and button may carry the same words). */
async function confirmModal(page: Page, confirmText: string) {
  await tap(page.locator('.taro-model__confirm', { hasText: confirmText }));
}

/** Waits until the (visible) element's text contains `text` (the page answers after the server did). */
async function expectText(locator: Locator, text: string | RegExp) {
  await locator.filter({ visible: true }).filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

/**
 * The 小红帽 tab, reached like anyone would: the H5 build has no navigation bar of its own, so from a page under a
 * tab the way back is the browser's back button; from another tab, the tab bar.
 */
async function openVolunteersTab(page: Page) {
  const tab = page.locator('.weui-tabbar__item', { hasText: '小红帽' });
  const tabPage = page.locator('.volunteers-page').filter({ visible: true });
  // Pages slide in and out (300 ms); going back while one is still moving leaves Taro H5 showing no page.
  await page.waitForTimeout(500);
  for (let i = 0; i < 5 && !(await tab.isVisible()); i++) {
    await page.goBack();
    await page.waitForTimeout(500);
  }
  if (!(await tabPage.isVisible())) await tap(tab);
  await tabPage.waitFor();
}

suite('小红帽 in Chromium against the real server (H5)', () => {
  const run = serverAndBrowser();

  it('a neighbour applies and is approved → staff add a reward → the grid worker asks for help for an elderly resident → the volunteer claims it and marks it done → the grid worker confirms with stars → the volunteer sees the hours and redeems them', async () => {
    const { server, browser } = run;
    const errors: string[] = [];
    const description = '教我用微信视频通话，想和孙子视频';
    const reward = '免费理发一次';

    // ---- 1. 刘明 (no unit yet) chooses his unit from the 小红帽 tab and applies to volunteer ----
    const volunteer = await loginAs(server, browser, /^刘明 · 居民/, errors);
    await openVolunteersTab(volunteer);
    await tap(volunteer.locator('#vol-choose-unit'));
    await tap(volunteer.getByText('创业一社区', { exact: true }));
    await tap(volunteer.getByText('1号楼', { exact: true }));
    await volunteer.getByText('第三步：选择单元').waitFor();
    await tap(volunteer.getByText('2单元', { exact: true }));
    await tap(volunteer.locator('#vol-apply'));
    await volunteer.locator('#apply-form').waitFor();
    await tap(volunteer.locator('.vol-tile', { hasText: '社区有我、创卫无忧' }));
    await tap(volunteer.locator('#apply-skill-digital_help'));
    await tap(volunteer.locator('#apply-skill-companionship'));
    await tap(volunteer.locator('#apply-slot-weekday_afternoon'));
    await tap(volunteer.locator('#apply-slot-weekend_afternoon'));
    await volunteer.locator('#apply-intro textarea').fill('会用智能手机，周末有空');
    expect(await volunteer.locator('#apply-skill-digital_help').getAttribute('aria-checked')).toBe('true');
    await shot(volunteer, 'vol-01-volunteer-applies', volunteer.locator('#apply-slot-weekend_afternoon'));
    await tap(volunteer.locator('#apply-submit'));
    await expectText(volunteer.locator('#apply-status'), '待审核');
    await expectText(volunteer.locator('#apply-status-text'), '您的报名已交给社区，正在审核，请耐心等待。');
    await expectText(volunteer.locator('#apply-status-card'), '社区有我、创卫无忧');
    await expectText(volunteer.locator('#apply-status-card'), '手机电脑帮忙、陪伴聊天');
    await shot(volunteer, 'vol-02-volunteer-waits-for-review', volunteer.locator('#apply-status-card'));

    // ---- 2. 解娜 (创业一社区) approves him, then adds a reward that costs 2 hours ----
    const staff = await loginAs(server, browser, /^解娜 · 社区工作人员 · 创业一社区/, errors);
    await openVolunteersTab(staff);
    await tap(staff.locator('#vol-staff-volunteers'));
    const application = staff.locator('.card', { hasText: '刘明' });
    await expectText(application, '待审核');
    await expectText(application, '队伍：社区有我、创卫无忧');
    await expectText(application, '能帮忙：手机电脑帮忙、陪伴聊天');
    await expectText(application, '空闲时间：工作日下午、周末下午');
    await tap(application.getByText('通过', { exact: true }));
    await application.filter({ visible: true }).waitFor({ state: 'detached' });
    await tap(staff.locator('#review-tab-approved'));
    await expectText(staff.locator('.card', { hasText: '刘明' }), '已通过');
    await shot(staff, 'vol-03-staff-approved-volunteer', staff.locator('.card', { hasText: '刘明' }));

    await openVolunteersTab(staff);
    await tap(staff.locator('#vol-staff-rewards'));
    await tap(staff.locator('#reward-new'));
    await staff.locator('#reward-name input').fill(reward);
    await staff.locator('#reward-hours input').fill('2');
    await staff.locator('#reward-stock input').fill('10');
    await staff.locator('#reward-description textarea').fill('社区理发室，每周三上午');
    await tap(staff.locator('#reward-save'));
    const rewardCard = staff.locator('.card', { hasText: reward });
    await expectText(rewardCard, '可兑换');
    await expectText(rewardCard, '需 2 小时 · 还剩 10 份');
    await shot(staff, 'vol-04-staff-added-reward', rewardCard);

    // ---- 3. 王网格员 asks for help for 王秀兰 (2号楼 3单元 of his grid), who has no smartphone (代人求助) ----
    const worker = await loginAs(server, browser, /^王网格员 · 网格员 · 创业一社区 第1网格/, errors);
    await openVolunteersTab(worker);
    await tap(worker.locator('#vol-proxy-ask'));
    await tap(worker.locator('#ask-unit-steps').getByText('创业一社区', { exact: true }));
    await expectText(worker.locator('#ask-step-title'), '第二步：选择楼栋');
    await tap(worker.locator('#ask-unit-steps').getByText('2号楼', { exact: true }));
    await tap(worker.locator('#ask-unit-steps').getByText('3单元', { exact: true }));
    await expectText(worker.locator('#ask-proxy-unit'), '居民住址：创业一社区 2号楼 3单元');
    await worker.locator('#ask-resident-name input').fill('王秀兰');
    await tap(worker.locator('#category-digital_help'));
    await worker.locator('#ask-description textarea').fill(description);
    await tap(worker.locator('#ask-day-tomorrow'));
    await tap(worker.locator('#ask-part-afternoon'));
    await shot(worker, 'vol-05-grid-worker-asks-for-resident', worker.locator('#ask-part-afternoon'));
    await tap(worker.locator('#ask-submit'));
    await expectText(worker.locator('#request-status'), '待接单');
    const requestId = Number(/[?&]id=(\d+)/.exec(worker.url())?.[1]);
    expect(requestId).toBeGreaterThan(0);
    await expectText(worker.locator('#request-description'), description);
    await expectText(worker.locator('.request-page'), '王秀兰（网格员代发）');
    await expectText(worker.locator('.request-page'), '创业一社区 2号楼 3单元');
    await expectText(worker.locator('#request-history'), '王网格员发出求助：网格员代办，居民：王秀兰');
    await shot(worker, 'vol-06-request-posted');

    // ---- 4. 刘明 claims it in the hall, then marks it done in 我的任务 ----
    await openVolunteersTab(volunteer);
    await expectText(volunteer.locator('#vol-approved'), '您是小红帽志愿者');
    await tap(volunteer.locator('#vol-hall'));
    const hallCard = volunteer.locator(`#help-${requestId}`);
    await expectText(hallCard, description);
    await expectText(volunteer.locator(`#help-${requestId}-who`), '求助人：王秀兰（网格员代发）；需要 1 位，已有 0 位');
    await expectText(volunteer.locator(`#help-${requestId}-status`), '待接单');
    await shot(volunteer, 'vol-07-volunteer-hall', hallCard);
    await tap(volunteer.locator(`#help-${requestId}-claim`));
    await confirmModal(volunteer, '确认接单');
    await expectText(volunteer.locator('#request-status'), '已接单');
    await expectText(volunteer.locator('#request-volunteers'), '刘明：已接单');
    await shot(volunteer, 'vol-08-volunteer-claimed');

    await openVolunteersTab(volunteer);
    await tap(volunteer.locator('#vol-tasks'));
    await expectText(volunteer.locator(`#help-${requestId}-status`), '已接单');
    await tap(volunteer.locator(`#help-${requestId}-done`));
    await confirmModal(volunteer, '帮完了');
    await expectText(volunteer.locator(`#help-${requestId}-status`), '待确认');
    await expectText(volunteer.locator(`#help-${requestId}-seat`), '您已标记完成，等求助人确认');
    await shot(volunteer, 'vol-09-volunteer-marked-done', volunteer.locator(`#help-${requestId}`));

    // ---- 5. 王网格员 confirms for 王秀兰, with her five stars ----
    await openVolunteersTab(worker);
    await tap(worker.locator('#vol-proxy-requests'));
    await expectText(worker.locator(`#help-${requestId}-status`), '待确认');
    await tap(worker.locator(`#help-${requestId}`).getByText('查看详情 ›'));
    await expectText(worker.locator('#request-status'), '待确认');
    await tap(worker.locator('#star-5'));
    await worker.locator('#request-comment textarea').fill('小刘很耐心，教会了我');
    await shot(worker, 'vol-10-grid-worker-confirms-for-resident', worker.locator('#request-confirm'));
    await tap(worker.locator('#request-confirm-submit'));
    await confirmModal(worker, '确认完成');
    await expectText(worker.locator('#request-status'), '已完成');
    await expectText(worker.locator('#request-rating'), '5 星：小刘很耐心，教会了我');
    await expectText(worker.locator('#request-credited'), '每位志愿者 4 小时');
    await expectText(worker.locator('#request-history'), '王网格员确认完成：评分 5；小刘很耐心，教会了我；每人计 4 小时');
    await shot(worker, 'vol-11-request-confirmed');

    // ---- 6. 刘明 sees the task done and 4 hours in 我的时长, redeems the reward, and the balance goes down ----
    await openVolunteersTab(volunteer);
    await tap(volunteer.locator('#vol-tasks'));
    await expectText(volunteer.locator(`#help-${requestId}-status`), '已完成');
    await expectText(volunteer.locator(`#help-${requestId}-seat`), '已完成，记上 4 小时服务时长');
    await openVolunteersTab(volunteer);
    await tap(volunteer.locator('#vol-hours'));
    await expectText(volunteer.locator('#hours-balance'), '4 小时');
    await expectText(volunteer.locator('#hours-earned'), '累计服务 4 小时');
    await expectText(volunteer.locator('#hours-rank'), '在本社区排第 1 名（共 1 位志愿者有时长）');
    const creditLine = volunteer.locator('.vs-item', { hasText: `微心愿：${description}` });
    await expectText(creditLine, '+4 小时');
    await shot(volunteer, 'vol-12-volunteer-hours', volunteer.locator('#hours-summary'));

    await tap(volunteer.locator('#hours-rewards'));
    await expectText(volunteer.locator('#rewards-balance'), '我的余额：4 小时');
    const offer = volunteer.locator('.card', { hasText: reward });
    await expectText(offer, '2 小时');
    await expectText(offer, '还剩 10 份');
    await tap(offer.locator('.big-button', { hasText: '兑换' }));
    await confirmModal(volunteer, '兑换');
    await expectText(volunteer.locator('#rewards-done'), `已兑换“${reward}”，余额还有 2 小时。请凭兑换记录到社区领取。`);
    await expectText(volunteer.locator('#rewards-balance'), '我的余额：2 小时');
    await expectText(offer, '还剩 9 份');
    await shot(volunteer, 'vol-13-volunteer-redeemed', volunteer.locator('#rewards-balance'));

    await openVolunteersTab(volunteer);
    await tap(volunteer.locator('#vol-hours'));
    await expectText(volunteer.locator('#hours-balance'), '2 小时');
    await expectText(volunteer.locator('#hours-earned'), '累计服务 4 小时');
    await expectText(volunteer.locator('.vs-item', { hasText: `兑换：${reward}` }), '-2 小时');
    await expectText(volunteer.locator('.vs-item', { hasText: `微心愿：${description}` }), '+4 小时');
    await shot(volunteer, 'vol-14-volunteer-hours-after-redeeming', volunteer.locator('#hours-summary'));

    // ---- And the server agrees (no UI-only success) ----
    const asVolunteer = (await apiAs(server, '刘明')).get;
    const me = await asVolunteer('/api/volunteers/me');
    expect(me).toMatchObject({ name: '刘明', status: 'approved', skills: ['digital_help', 'companionship'], availability: ['weekday_afternoon', 'weekend_afternoon'] });
    expect(me.teams.map((t: { name: string }) => t.name)).toEqual(['社区有我、创卫无忧']);
    const detail = await asVolunteer(`/api/help-requests/${requestId}`);
    expect(detail).toMatchObject({
      description, skill: 'digital_help', status: 'confirmed', requesterName: '王秀兰', proxyFor: '王秀兰', rating: 5,
      ratingComment: '小刘很耐心，教会了我', creditedMinutes: 240, takenCount: 1,
    });
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['posted', 'claimed', 'done', 'confirmed']);
    const bank = await asVolunteer('/api/timebank/me');
    expect(bank).toMatchObject({ balanceMinutes: 120, earnedMinutes: 240, rank: 1 });
    const history = await asVolunteer('/api/timebank/me/history');
    expect(history.items.map((l: { kind: string; minutes: number; memo: string }) => [l.kind, l.minutes, l.memo])).toEqual([
      ['redeem', -120, `兑换：${reward}`],
      ['credit', 240, `微心愿：${description}`],
    ]);
    const rewards = await asVolunteer('/api/timebank/rewards');
    expect(rewards.find((r: { name: string }) => r.name === reward)).toMatchObject({ costMinutes: 120, stock: 9, active: true });
    expect(errors).toEqual([]);
  });
});
