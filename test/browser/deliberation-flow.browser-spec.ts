import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { apiAs, browserDescribe, loginAs, SCREENSHOTS, serverAndBrowser } from './support';

const suite = browserDescribe();

/** Taro H5 scrolls inside the page, not the document: bring what the picture is about into view first. */
async function shot(page: Page, name: string, focus?: Locator) {
  if (focus) {
    await focus.first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
  }
  // A toast shows for 1.5 s over the middle of the page (its box has no size of its own: check its display).
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((t) => t.style.display === 'none'), null, { timeout: 3000 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Taro H5 reacts to touch; tap the element itself (NutUI's inner text does not take pointer events). */
async function tap(locator: Locator) {
  const el = locator.first();
  await el.waitFor({ state: 'visible' });
  await el.tap();
}

async function tapText(page: Page, text: string | RegExp) {
  await tap(page.getByText(text, { exact: typeof text === 'string' }));
}

/** Taro.showModal in H5: its confirm button (title and button may carry the same words). */
async function confirmModal(page: Page, confirmText: string) {
  await tap(page.locator('.taro-model__confirm', { hasText: confirmText }));
}

/** Waits until the element's text contains `text` (the page answers after the server did). */
async function expectText(locator: Locator, text: string | RegExp) {
  await locator.first().filter({ hasText: text }).waitFor({ state: 'visible' });
}

const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

suite('议事亭 in Chromium against the real server (H5)', () => {
  const run = serverAndBrowser();

  it('propose → two neighbours support → staff put it on the agenda → sign-up → check-in by code → vote → tally and close → resolution → the resident sees result and board', async () => {
    const { server, browser } = run;
    const errors: string[] = [];
    const stamp = Date.now() % 100000;
    const title = `小区文明养犬 ${stamp}`;
    const optionA = '出门一律拴绳';
    const optionB = '规定遛狗时段';
    const resolutionText = '遛狗一律拴绳，狗绳不超过 1.5 米';

    // ---- Setup (not part of the scenario), as community staff 解娜 of 创业一社区 through the API ----
    const staffApi = await apiAs(server, '解娜');
    // Threshold 5: three supports leave the topic 征集支持中, so staff choose its session (no automatic placement).
    await staffApi.send('PUT', '/api/deliberation/settings', { supportThreshold: 5, agendaSlots: 3 });
    // The demo 周五议事亭 opens registration 3 days ahead; open it 30 days ahead and until the start.
    const [series] = await staffApi.get('/api/deliberation/series');
    expect(series).toMatchObject({ name: '周五议事亭', place: '小区凉亭' });
    const { name, place, weekday, time, durationMinutes, seats, reservedSeats } = series;
    await staffApi.send('PUT', `/api/deliberation/series/${series.id}`, {
      name, place, weekday, time, durationMinutes, seats, reservedSeats, opensDaysBefore: 30, closesHoursBefore: 0,
    });
    const upcoming = await staffApi.get('/api/deliberation/sessions');
    expect(upcoming.length).toBeGreaterThan(0);
    const sessionId: number = upcoming[0].id;
    // The session starts in 30 minutes: check-in (from 60 minutes before) is open at the pavilion.
    const moved = await staffApi.send('POST', `/api/deliberation/sessions/${sessionId}/move`, { startsAt: new Date(Date.now() + 30 * 60_000).toISOString() });
    expect(moved.registrationOpen).toBe(true);
    // 刘明 has no unit yet: he moves into 创业一社区 1号楼 2单元 (a third neighbour to support the topic).
    const liuApi = await apiAs(server, '刘明');
    const communities = await liuApi.get('/api/org/communities');
    const community = communities.items.find((c: { name: string }) => c.name === '创业一社区');
    const building = (await liuApi.get(`/api/org/communities/${community.id}/buildings`)).items.find((b: { name: string }) => b.name === '1号楼');
    const unit = (await liuApi.get(`/api/org/buildings/${building.id}/units`)).items.find((u: { name: string }) => u.name === '2单元');
    await liuApi.send('PUT', '/api/me/unit', { unitId: unit.id });
    // Issue 10: only residents whose unit is confirmed support topics and vote; the grid worker confirms 刘明 and 王秀兰.
    const gridWorkerApi = await apiAs(server, '王网格员');
    const waiting = (await gridWorkerApi.get('/api/org/residents/unconfirmed')).items as { id: number; name: string }[];
    for (const name of ['刘明', '王秀兰']) {
      const who = waiting.find((r) => r.name === name);
      expect(who).toBeDefined();
      await gridWorkerApi.send('POST', `/api/org/residents/${who!.id}/confirm`);
    }

    // ---- 1. 张桂芳 proposes a topic ----
    const resident = await loginAs(server, browser, /^张桂芳 · 居民/, errors);
    await resident.goto(`${server.url}/#/pages/deliberation/index`);
    await tap(resident.locator('#delib-topics'));
    await tap(resident.locator('#topics-propose'));
    await resident.locator('#propose-title input').fill(title);
    await resident.locator('#propose-problem textarea').fill('楼下遛狗不拴绳，孩子和老人都害怕，草坪上到处是狗粪');
    await resident.locator('#propose-hope textarea').fill('定个养犬公约：出门拴绳、随手清理');
    await tap(resident.locator('#category-pets'));
    await shot(resident, 'delib-01-resident-proposes', resident.locator('#category-pets'));
    await tap(resident.locator('#propose-submit'));
    await expectText(resident.locator('#topic-title'), title);
    const topicId = Number(/[?&]id=(\d+)/.exec(resident.url())?.[1]);
    expect(topicId).toBeGreaterThan(0);
    await expectText(resident.locator('#topic-status'), '征集支持中');
    await expectText(resident.locator('#topic-support-count'), '已有 1 人支持（含您），还差 4 人就能排队上会');

    // ---- 2. Two neighbours support it: 王秀兰 from the list, 刘明 on the topic page ----
    const wang = await loginAs(server, browser, /^王秀兰 · 居民/, errors);
    await wang.goto(`${server.url}/#/pages/deliberation/index`);
    await tap(wang.locator('#delib-topics'));
    const wangCard = wang.locator(`#topic-${topicId}`);
    await expectText(wangCard.locator(`#topic-${topicId}-count`), '已有 1 人支持，还差 4 人就能排队上会');
    await tap(wang.locator(`#topic-${topicId}-support`));
    await expectText(wangCard.locator(`#topic-${topicId}-count`), '已有 2 人支持（含您），还差 3 人就能排队上会');
    await wangCard.locator(`#topic-${topicId}-withdraw`).waitFor();
    await shot(wang, 'delib-02-neighbour-supports-in-list', wangCard);
    await wang.context().close();

    const liu = await loginAs(server, browser, /^刘明 · 居民/, errors);
    await liu.goto(`${server.url}/#/packages/deliberation/topic/index?id=${topicId}`);
    await expectText(liu.locator('#topic-support-count'), '已有 2 人支持，还差 3 人就能排队上会');
    await tap(liu.locator('#topic-support'));
    await expectText(liu.locator('#topic-support-count'), '已有 3 人支持（含您），还差 2 人就能排队上会');
    await expectText(liu.locator('#topic-status'), '征集支持中');
    await shot(liu, 'delib-03-neighbour-supports-on-topic', liu.locator('#topic-support-card'));
    await liu.context().close();

    // ---- 3. Staff 解娜 put it on the agenda of the next session (topic triage) ----
    const staff = await loginAs(server, browser, /^解娜 · 社区工作人员 · 创业一社区/, errors);
    await staff.goto(`${server.url}/#/pages/deliberation/index`);
    await tap(staff.locator('#delib-manage-triage'));
    await tap(staff.locator('#triage-view-proposed'));
    const triageCard = staff.locator(`#topic-${topicId}`);
    await expectText(triageCard, '3 / 5 人');
    await tap(staff.locator(`#topic-${topicId}-schedule`));
    await shot(staff, 'delib-04-staff-chooses-session', staff.locator(`#topic-${topicId}-panel`));
    await tap(staff.locator(`#schedule-session-${sessionId}`));
    await triageCard.waitFor({ state: 'detached' }); // no longer among the proposed ones
    await tap(staff.locator('#triage-view-on_agenda'));
    await expectText(staff.locator(`#topic-${topicId}`), '第 1 项');
    await expectText(staff.locator(`#topic-${topicId}`), '已列入议程');
    await shot(staff, 'delib-05-staff-topic-on-agenda', staff.locator(`#topic-${topicId}`));
    const agenda = await staffApi.get(`/api/deliberation/sessions/${sessionId}/agenda`);
    expect(agenda.items).toHaveLength(1);
    expect(agenda.items[0]).toMatchObject({ topicId, title, position: 1, topicStatus: 'on_agenda', topicSupportCount: 3 });
    const agendaItemId: number = agenda.items[0].id;

    // ---- 4. 张桂芳 sees it on the next session and signs up ----
    await resident.goto(`${server.url}/#/pages/deliberation/index`);
    await expectText(resident.locator('#next-session-agenda'), `1. ${title}`);
    await expectText(resident.locator('#next-session-seats'), '剩余座位 25 个（共 25 个）');
    await expectText(resident.locator('#next-session-status'), '您还没有报名');
    await tap(resident.locator('#next-session-sign-up'));
    await confirmModal(resident, '确认报名');
    await expectText(resident.locator('#next-session-status'), '您已报名，座位已为您留好');
    await expectText(resident.locator('#next-session-seats'), '剩余座位 24 个（共 25 个）');
    await resident.locator('#next-session-sign-up').waitFor({ state: 'detached' });
    await shot(resident, 'delib-06-resident-signed-up', resident.locator('#next-session'));
    await tap(resident.locator('#next-session-open'));
    const codeText = resident.locator('#checkin-qr-text');
    await codeText.waitFor();
    const code = (await codeText.innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{6,}$/);
    expect(await resident.locator('#checkin-qr .qr-code__grid').getAttribute('aria-label')).toBe(`二维码：${code}`);
    expect(await resident.locator('#checkin-qr .qr-code__dark').count()).toBeGreaterThan(100);
    await shot(resident, 'delib-07-resident-check-in-code', resident.locator('#session-ticket'));

    // ---- 5. Staff check them in by typing the code (H5 has no camera scanner) ----
    await staff.goto(`${server.url}/#/packages/delib-staff/series/index`);
    const sessionCard = staff.locator(`#session-${sessionId}`);
    await expectText(sessionCard, '已报名 1 人');
    await tap(sessionCard.getByText('签到', { exact: true }));
    await expectText(staff.locator('#checkin-counts'), '已到 0 / 1 人');
    expect(await staff.locator('#checkin-window').count()).toBe(0); // check-in is open
    await staff.locator('#checkin-code input').fill(code);
    await tap(staff.locator('#checkin-submit'));
    await expectText(staff.locator('#checkin-result'), '张桂芳');
    await expectText(staff.locator('#checkin-result'), '签到成功');
    await expectText(staff.locator('#checkin-counts'), '已到 1 / 1 人');
    await expectText(staff.locator('.checkin-attendee', { hasText: '张桂芳' }), '已签到');
    await shot(staff, 'delib-08-staff-checked-in', staff.locator('#checkin-result'));

    // ---- 6. Staff open a vote on the agenda item, for checked-in attendees ----
    await staff.goto(`${server.url}/#/packages/delib-staff/series/index`);
    await tap(staff.locator(`#session-${sessionId}`).getByText('表决', { exact: true }));
    await tap(staff.locator('#vote-new'));
    await expect(staff.locator(`#vote-item-${agendaItemId}`).getAttribute('aria-selected')).resolves.toBe('true');
    await staff.locator('#vote-question textarea').fill('小区遛狗采用哪种办法？');
    await staff.locator('#vote-option-0 input').fill(optionA);
    await staff.locator('#vote-option-1 input').fill(optionB);
    await tap(staff.locator('#vote-eligibility-checked_in'));
    await tap(staff.locator('#vote-closes-30'));
    await shot(staff, 'delib-09-staff-opens-vote', staff.locator('#vote-eligibility-checked_in'));
    await tap(staff.locator('#vote-open'));
    await staff.locator('#vote-form').waitFor({ state: 'detached' });
    const [vote] = await staffApi.get(`/api/deliberation/sessions/${sessionId}/votes`);
    expect(vote).toMatchObject({ agendaItemId, question: '小区遛狗采用哪种办法？', mode: 'single', eligibility: 'checked_in', status: 'open', liveResults: false });
    const optA: number = vote.options.find((o: { label: string }) => o.label === optionA).id;
    const optB: number = vote.options.find((o: { label: string }) => o.label === optionB).id;
    const staffVote = staff.locator(`#vote-${vote.id}`);
    await expectText(staffVote, '进行中');

    // ---- 7. The resident votes (checked in, so eligible); results stay hidden until it closes ----
    await tap(resident.locator('#votes-refresh'));
    const residentVote = resident.locator(`#vote-${vote.id}`);
    await expectText(residentVote, '投票中');
    await tap(resident.locator(`#vote-${vote.id}-option-${optA}`));
    await tap(resident.locator(`#vote-${vote.id}-submit`));
    await confirmModal(resident, '确认投票');
    await expectText(resident.locator(`#vote-${vote.id}-mine`), `您已投票：${optionA}`);
    await resident.locator(`#vote-${vote.id}-submit`).waitFor({ state: 'detached' });
    await expectText(resident.locator(`#vote-${vote.id}-no-results`), '投票结束后公布结果');
    await shot(resident, 'delib-10-resident-voted', residentVote);

    // Setup, in place of waiting half an hour: the session starts in a few seconds (minutes and resolutions
    // are recorded once it has started). Moving a session that has not started is what staff may do.
    const started = await staffApi.send('POST', `/api/deliberation/sessions/${sessionId}/move`, { startsAt: new Date(Date.now() + 4000).toISOString() });

    // ---- 8. Staff enter the hands raised under the pavilion and close the vote ----
    await tapText(staff, '刷新票数');
    const rowA = staff.locator(`#vote-results-${vote.id} #vote-${vote.id}-option-${optA}`);
    const rowB = staff.locator(`#vote-results-${vote.id} #vote-${vote.id}-option-${optB}`);
    await expectNumbers(rowA, [1, 0, 1]);
    await tap(staff.locator(`#vote-${vote.id}-tally`));
    await staff.locator(`#tally-${vote.id}-${optA} input`).fill('12');
    await staff.locator(`#tally-${vote.id}-${optB} input`).fill('3');
    await tap(staff.locator(`#vote-${vote.id}-tally-save`));
    await staff.locator(`#vote-${vote.id}-tally`).waitFor(); // the form closed, the button is back
    await expectText(staffVote, '举手合计 15 票');
    await expectNumbers(rowA, [1, 12, 13]);
    await expectNumbers(rowB, [0, 3, 3]);
    await tap(staff.locator(`#vote-${vote.id}-close`));
    await confirmModal(staff, '结束');
    await expectText(staffVote, '已结束');
    await expectText(staffVote, '最终结果');
    await staff.locator(`#vote-${vote.id}-close`).waitFor({ state: 'detached' });
    await shot(staff, 'delib-11-staff-tally-and-closed', staffVote);

    // ---- 9. Staff record the minutes and a resolution for the agenda item ----
    const wait = Date.parse(started.startsAt) - Date.now() + 250;
    if (wait > 0) await staff.waitForTimeout(wait);
    await staff.goto(`${server.url}/#/packages/delib-staff/series/index`);
    await tap(staff.locator(`#session-${sessionId}`).getByText('纪要与决议', { exact: true }));
    await expectText(staff.locator('#minutes-attendees'), '到会 1 人（报名 1 人，按现场签到统计）');
    await staff.locator('#minutes-save').waitFor(); // the session has started: minutes can be recorded
    expect(await staff.locator('#minutes-notice').count()).toBe(0);
    await staff.locator('#minutes-text textarea').fill('议定文明养犬：表决结果出门一律拴绳 13 票、规定遛狗时段 3 票。');
    await tap(staff.locator('#minutes-save'));
    await expectText(staff.locator('#minutes-box'), '解娜 于');
    await tap(staff.locator('#resolution-new'));
    await staff.locator('#resolution-text textarea').fill(resolutionText);
    await tap(staff.locator(`#resolution-item-${agendaItemId}`));
    await staff.locator('#resolution-owner input').fill('物业公司');
    await tap(staff.locator('#resolution-due'));
    // Taro's date wheel opens in an overlay of its own (outside the field); 确定 takes the day shown: today.
    await tap(staff.locator('.weui-picker__action:visible', { hasText: '确定' }));
    const today = chinaDay(new Date());
    await expectText(staff.locator('#resolution-due'), today);
    await shot(staff, 'delib-12-staff-records-resolution', staff.locator('#resolution-form'));
    await tap(staff.locator('#resolution-add'));
    await staff.locator('#resolution-form').waitFor({ state: 'detached' });
    const outcome = await staffApi.get(`/api/deliberation/sessions/${sessionId}/outcome`);
    expect(outcome.resolutions).toHaveLength(1);
    const resolution = outcome.resolutions[0];
    expect(resolution).toMatchObject({ text: resolutionText, agendaItemId, topicId, topicTitle: title, status: 'planned', dueDate: today, owner: { name: '物业公司', user: null }, overdue: false });
    await expectText(staff.locator(`#resolution-${resolution.id}`), `1. ${resolutionText}`);
    await expectText(staff.locator(`#resolution-${resolution.id}-status`), '待落实');

    // ---- 10. The resident sees the result, the minutes and the resolution, then the board ----
    await resident.goto(`${server.url}/#/packages/deliberation/session/index?id=${sessionId}`);
    await expectText(residentVote, '投票已结束');
    await expectText(resident.locator(`#vote-${vote.id}-results`), '表决结果');
    await expectText(resident.locator(`#vote-${vote.id}-result-${optA}`), '线上 1 票 ＋ 现场举手 12 票 ＝ 共 13 票');
    await expectText(resident.locator(`#vote-${vote.id}-result-${optB}`), '线上 0 票 ＋ 现场举手 3 票 ＝ 共 3 票');
    await expectText(resident.locator(`#vote-${vote.id}-results`), '线上投票 1 人，现场举手共 15 票');
    await expectText(resident.locator(`#vote-${vote.id}-mine`), `您已投票：${optionA}`);
    await expectText(resident.locator('#session-status'), /您已签到（\d\d:\d\d）/);
    await expectText(resident.locator('#minutes-attendees'), '到场 1 人（报名 1 人）');
    await expectText(resident.locator(`#session-resolution-${resolution.id}`), `1. ${resolutionText}`);
    await expectText(resident.locator(`#session-resolution-${resolution.id}`), `待落实 · 负责：物业公司 · 期限：${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`);
    // The agenda item's "how it is carried out" is written from its resolutions.
    await expectText(resident.locator(`#agenda-${agendaItemId}-done`), resolutionText);
    await shot(resident, 'delib-13-resident-sees-vote-result', residentVote);
    await shot(resident, 'delib-14-resident-sees-minutes-and-resolution', resident.locator('#session-resolutions'));

    await resident.goto(`${server.url}/#/pages/deliberation/index`);
    await tap(resident.locator('#delib-resolutions'));
    const boardCard = resident.locator(`#resolution-${resolution.id}`);
    await expectText(boardCard, resolutionText);
    await expectText(resident.locator(`#resolution-${resolution.id}-status`), '待落实');
    await expectText(boardCard, '负责：物业公司');
    await expectText(boardCard, `完成期限：${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`);
    await expectText(boardCard, `议题：${title}`);
    expect(await resident.locator(`#resolution-${resolution.id}-overdue`).count()).toBe(0);
    await shot(resident, 'delib-15-resident-resolutions-board', boardCard);

    // ---- And the server agrees (no UI-only success) ----
    const me = await apiAs(server, '张桂芳');
    const topic = await me.get(`/api/deliberation/topics/${topicId}`);
    expect(topic).toMatchObject({ title, status: 'on_agenda', supportCount: 3, mine: true, agenda: { sessionId, agendaItemId, position: 1 } });
    const session = await me.get(`/api/deliberation/sessions/${sessionId}`);
    expect(session.mine).toMatchObject({ status: 'confirmed', seatKind: 'open', checkInCode: code });
    expect(session.mine.checkedInAt).not.toBeNull();
    const finalVote = await me.get(`/api/deliberation/votes/${vote.id}`);
    expect(finalVote).toMatchObject({ status: 'closed', canVote: false, myBallot: { optionIds: [optA] } });
    expect(finalVote.results).toMatchObject({ ballots: 1, offlineTotal: 15, final: true });
    expect(finalVote.results.options).toEqual(
      expect.arrayContaining([{ optionId: optA, online: 1, offline: 12, total: 13 }, { optionId: optB, online: 0, offline: 3, total: 3 }]),
    );
    const board = await me.get('/api/deliberation/resolutions');
    expect(board.items.map((r: { id: number }) => r.id)).toEqual([resolution.id]);
    expect(errors).toEqual([]);
  });
});

/** The staff results row shows these numbers (online, by hand, total) within a few seconds. */
async function expectNumbers(row: Locator, expected: number[]) {
  await row.waitFor();
  let seen: number[] = [];
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    seen = (await row.locator('.ds-table__num').allInnerTexts()).map((c) => Number(c.trim()));
    if (JSON.stringify(seen) === JSON.stringify(expected)) break;
  }
  expect(seen).toEqual(expected);
}
