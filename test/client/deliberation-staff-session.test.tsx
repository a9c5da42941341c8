import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DelibStaffCheckinPage from '@/packages/delib-staff/checkin/index';
import DelibStaffVotePage from '@/packages/delib-staff/vote/index';
import DelibStaffMinutesPage from '@/packages/delib-staff/minutes/index';
import { __mock } from './mocks/taro';
import {
  agenda, agendaItem, attendance, attendee, outcome, posts, resolution, resolutionDetail, session, staffMe, type, vote,
} from './deliberation-staff.fixtures';
import { byId, fail, ok, serveRoutes, tap, text, type Routes } from './deliberation.fixtures';
import { gridWorkerMe, residentMe, resetTaro, setToken, type Reply, type SentRequest } from './helpers';

const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
const scanCode = jest.fn();
Object.assign(Taro, { showModal, scanCode });

const originalEnv = process.env.TARO_ENV;
beforeEach(() => {
  resetTaro();
  setToken();
  scanCode.mockReset();
  __mock.setRouterParams({ sessionId: '7' });
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

describe('check-in scanner', () => {
  const checkedIn = attendee({ checkedInAt: '2030-11-29T08:52:00.000Z', attendance: 'present' });

  function desk(me: object, checkIn: (req: SentRequest) => Reply, extra: Routes = {}) {
    const live = { attendance: attendance([attendee()]) };
    const sent = serveRoutes(me, {
      'GET /api/deliberation/sessions/7': () => ok(session()),
      'GET /api/deliberation/sessions/7/attendance': () => ok(live.attendance),
      'POST /api/deliberation/sessions/7/check-in': checkIn,
      ...extra,
    });
    render(<DelibStaffCheckinPage />);
    return { sent, live };
  }

  it('a typed code (any case, spaces) checks the resident in: name and 签到成功 in big letters, the list updates', async () => {
    const { sent, live } = desk(gridWorkerMe, () => {
      live.attendance = attendance([checkedIn]);
      return ok({ attendee: checkedIn, alreadyCheckedIn: false, message: '张桂英 签到成功' });
    });
    expect(await screen.findByText('已到 0 / 1 人')).toBeTruthy();
    // The browser build has no camera scanner: the code is typed.
    expect(byId('checkin-scan')).toBeNull();
    type('checkin-code', ' k7p2 q9xa3m ');
    await tap(byId('checkin-submit'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/check-in')[0].data).toEqual({ code: 'K7P2Q9XA3M' });
    expect(byId('checkin-result')!.className).toContain('ds-result--ok');
    expect(text('checkin-result')).toContain('张桂英');
    expect(text('checkin-result')).toContain('签到成功');
    expect(await screen.findByText('已到 1 / 1 人')).toBeTruthy();
    expect(text('attendee-101')).toContain('已签到 16:52');
    expect((byId('checkin-code') as HTMLInputElement).value).toBe('');
  });

  it('a code already used says when (China time), not an error', async () => {
    desk(staffMe, () => ok({ attendee: checkedIn, alreadyCheckedIn: true, message: '张桂英 已于 16:52 签到' }));
    await screen.findByText('已到 0 / 1 人');
    type('checkin-code', 'K7P2Q9XA3M');
    await tap(byId('checkin-submit'));
    expect(byId('checkin-result')!.className).toContain('ds-result--again');
    expect(text('checkin-result')).toBe('张桂英已于 16:52 签到过3号楼 2单元');
  });

  it('a wrong code shows the server’s plain words; an empty one is not sent', async () => {
    const { sent } = desk(staffMe, () => fail(404, 'CHECK_IN_CODE_NOT_FOUND', '没有找到这个签到码，请核对后再输入'));
    await screen.findByText('已到 0 / 1 人');
    await tap(byId('checkin-submit'));
    expect(text('checkin-result')).toBe('请输入签到码');
    expect(posts(sent, 'POST /api/deliberation/sessions/7/check-in')).toHaveLength(0);
    type('checkin-code', 'AAAA');
    await tap(byId('checkin-submit'));
    expect(byId('checkin-result')!.className).toContain('ds-result--error');
    expect(text('checkin-result')).toBe('没有找到这个签到码，请核对后再输入');
  });

  it('in WeChat the big 扫码签到 button scans with the camera only and posts what it read', async () => {
    process.env.TARO_ENV = 'weapp';
    scanCode.mockResolvedValueOnce({ result: 'K7P2Q9XA3M', scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
    scanCode.mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' });
    scanCode.mockRejectedValueOnce({ errMsg: 'scanCode:fail system error' });
    const { sent } = desk(staffMe, () => ok({ attendee: checkedIn, alreadyCheckedIn: false, message: '张桂英 签到成功' }));
    await screen.findByText('已到 0 / 1 人');

    await tap(byId('checkin-scan'));
    expect(scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true }));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/check-in')[0].data).toEqual({ code: 'K7P2Q9XA3M' });
    await waitFor(() => expect(text('checkin-result')).toContain('签到成功'));

    // Cancelled by the worker: nothing sent, the last answer stays.
    await tap(byId('checkin-scan'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/check-in')).toHaveLength(1);
    expect(text('checkin-result')).toContain('签到成功');

    await tap(byId('checkin-scan'));
    expect(text('checkin-result')).toBe('没有扫到签到码，请再扫一次，或在下面输入签到码');
    expect(posts(sent, 'POST /api/deliberation/sessions/7/check-in')).toHaveLength(1);
  });

  it('代报名: a grid worker registers and checks in a resident without a phone, tagged 代办', async () => {
    const proxied = attendee({ registrationId: 102, userId: 43, name: '赵奶奶', phoneMasked: null, checkedInAt: '2030-11-29T08:55:00.000Z', attendance: 'present', proxy: true, proxyByName: '李建国' });
    const { sent, live } = desk(gridWorkerMe, () => ok({}), {
      'GET /api/deliberation/sessions/7/proxy-candidates': () =>
        ok({
          items: [
            { userId: 41, name: '张桂英', unitLabel: '3号楼 2单元', phoneMasked: '138****0041', registration: { status: 'confirmed', checkedInAt: null } },
            { userId: 43, name: '赵奶奶', unitLabel: '5号楼 1单元', phoneMasked: null, registration: null },
          ],
        }),
      'POST /api/deliberation/sessions/7/proxy-registrations': () => {
        live.attendance = attendance([attendee(), proxied]);
        return { status: 201, body: { attendee: proxied, waitlistPosition: null, checkedIn: true, message: '已为 赵奶奶 报名并签到' } };
      },
    });
    await screen.findByText('已到 0 / 1 人');
    await tap(byId('proxy-toggle'));
    await screen.findByText('赵奶奶');
    // Residents without a phone come first.
    const ids = [...document.querySelectorAll('.checkin-candidate')].map((el) => el.id);
    expect(ids).toEqual(['candidate-43', 'candidate-41']);
    expect(text('candidate-41')).toContain('已报名，未签到');
    expect(byId('candidate-41-register')).toBeNull();

    await tap(byId('candidate-43-register'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/proxy-registrations')[0].data).toEqual({ userId: 43, checkIn: true });
    expect(text('checkin-result')).toContain('赵奶奶');
    expect(text('checkin-result')).toContain('已代报名并签到');
    expect(text('candidate-43')).toContain('已签到 16:55');
    expect(await screen.findByText('已到 1 / 2 人')).toBeTruthy();
    expect(text('attendee-102')).toContain('代办（李建国）');
  });

  it('says when check-in has not opened yet', async () => {
    desk(staffMe, () => ok({}), {
      'GET /api/deliberation/sessions/7/attendance': () => ok(attendance([], { checkInOpen: false, checkInOpensAt: '2030-11-29T08:00:00.000Z' })),
    });
    expect(await screen.findByText('还没到签到时间：11月29日 周五 16:00 开始签到。')).toBeTruthy();
    expect(screen.getByText('还没有人报名。')).toBeTruthy();
  });

  it('a resident gets a plain line', async () => {
    const sent = serveRoutes(residentMe, {});
    render(<DelibStaffCheckinPage />);
    expect(await screen.findByText('这个页面供社区工作人员和网格员在议事现场签到使用。')).toBeTruthy();
    expect(sent.filter((r) => r.url.includes('/api/deliberation'))).toHaveLength(0);
  });
});

describe('votes', () => {
  function votes(list = [vote()], extra: Routes = {}) {
    const live = { votes: list };
    const sent = serveRoutes(staffMe, {
      'GET /api/deliberation/sessions/7': () => ok(session()),
      'GET /api/deliberation/sessions/7/agenda': () => ok(agenda([agendaItem(), agendaItem({ id: 32, position: 2, title: '楼道堆物' })])),
      'GET /api/deliberation/sessions/7/votes': () => ok(live.votes),
      ...extra,
    });
    render(<DelibStaffVotePage />);
    return { sent, live };
  }

  it('opens a vote on an agenda item with options, multiple choice, who may vote, closing time and live results', async () => {
    const { sent, live } = votes([], {
      'POST /api/deliberation/agenda-items/32/votes': (req) => {
        const b = req.data as { question: string };
        live.votes = [vote({ id: 52, agendaItemId: 32, agendaTitle: '楼道堆物', question: b.question, mode: 'multiple', maxChoices: 2, eligibility: 'registered', liveResults: true })];
        return { status: 201, body: live.votes[0] };
      },
    });
    await tap(await screen.findByText('发起表决'));
    await tap(byId('vote-open'));
    expect(text('vote-form-error')).toBe('请选择就哪一项议程表决');
    await tap(byId('vote-item-32'));
    type('vote-question', '楼道堆物怎么清理？');
    type('vote-option-0', '统一清理');
    type('vote-option-1', '统一清理');
    await tap(byId('vote-open'));
    expect(text('vote-form-error')).toBe('选项不能重复');
    type('vote-option-1', '限期自行搬走');
    await tap(byId('vote-option-add'));
    type('vote-option-2', '放进储物间');
    await tap(byId('vote-option-add'));
    await tap(byId('vote-option-3-remove'));
    expect(byId('vote-option-3')).toBeNull();
    await tap(byId('vote-mode-multiple'));
    type('vote-max', '5');
    await tap(byId('vote-open'));
    expect(text('vote-form-error')).toBe('最多选几项请填 1 到 3 之间的整数；不填表示可以全选');
    type('vote-max', '2');
    await tap(byId('vote-eligibility-registered'));
    await tap(byId('vote-closes-10'));
    await tap(byId('vote-live'));
    expect(posts(sent, 'POST /api/deliberation/agenda-items/32/votes')).toHaveLength(0);

    const before = Date.now();
    await tap(byId('vote-open'));
    const post = posts(sent, 'POST /api/deliberation/agenda-items/32/votes')[0].data as Record<string, unknown>;
    expect(post).toEqual({
      question: '楼道堆物怎么清理？',
      options: ['统一清理', '限期自行搬走', '放进储物间'],
      mode: 'multiple',
      maxChoices: 2,
      eligibility: 'registered',
      closesAt: expect.any(String),
      liveResults: true,
    });
    const closesIn = Date.parse(post.closesAt as string) - before;
    expect(closesIn).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(closesIn).toBeLessThanOrEqual(10 * 60_000 + 5000);
    expect(await screen.findByText('楼道堆物怎么清理？')).toBeTruthy();
    expect(text('vote-52')).toContain('多选，最多 2 项 · 已报名的居民 · 居民可看实时票数');
    expect(byId('vote-form')).toBeNull();
  });

  it('a vote closing at a chosen time sends that time in China time', async () => {
    const { sent } = votes([], { 'POST /api/deliberation/agenda-items/31/votes': () => ({ status: 201, body: vote() }) });
    await tap(await screen.findByText('发起表决'));
    await tap(byId('vote-item-31'));
    type('vote-question', '遛狗办法');
    type('vote-option-0', '拴绳');
    type('vote-option-1', '限时');
    await tap(byId('vote-closes-custom'));
    fireEvent.change(byId('vote-close-day-picker')!, { target: { value: '2030-11-29' } });
    fireEvent.change(byId('vote-close-time-picker')!, { target: { value: '18:30' } });
    await tap(byId('vote-open'));
    expect(posts(sent, 'POST /api/deliberation/agenda-items/31/votes')[0].data).toMatchObject({ closesAt: '2030-11-29T18:30:00+08:00', mode: 'single', eligibility: 'checked_in', liveResults: false });
  });

  it('shows online counts, records the hands raised per option, and shows online / offline / total', async () => {
    const { sent } = votes([vote()], {
      'PUT /api/deliberation/votes/51/offline-tally': () =>
        ok(vote({
          results: {
            options: [{ optionId: 61, online: 9, offline: 12, total: 21 }, { optionId: 62, online: 4, offline: 3, total: 7 }],
            ballots: 13, offlineTotal: 15, offlineRecordedAt: '2030-11-29T09:40:00.000Z', final: false,
          },
        })),
    });
    await screen.findByText('小区遛狗采用哪种办法？');
    expect(text('vote-51-option-61')).toBe('出门一律拴绳909');
    expect(text('vote-results-51')).toContain('还没有录入举手票数');

    await tap(byId('vote-51-tally'));
    expect((byId('tally-51-61') as HTMLInputElement).value).toBe('0');
    type('tally-51-61', '');
    await tap(byId('vote-51-tally-save'));
    expect(text('tally-error')).toBe('举手票数请填 0 或正整数；没有人举手填 0');
    type('tally-51-61', '12');
    type('tally-51-62', '3');
    await tap(byId('vote-51-tally-save'));
    expect(posts(sent, 'PUT /api/deliberation/votes/51/offline-tally')[0].data).toEqual({
      counts: [{ optionId: 61, count: 12 }, { optionId: 62, count: 3 }],
    });
    expect(text('vote-51-option-61')).toBe('出门一律拴绳91221');
    expect(text('vote-51-option-62')).toBe('规定遛狗时段437');
    expect(text('vote-results-51')).toContain('举手合计 15 票（11月29日 周五 17:40 录入）');
  });

  it('closes an open vote after asking', async () => {
    const { sent } = votes([vote()], {
      'POST /api/deliberation/votes/51/close': () => ok(vote({ status: 'closed', closedAt: '2030-11-29T09:45:00.000Z', results: { ...vote().results!, final: true } })),
    });
    await tap(await screen.findByText('结束表决'));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '结束表决' }));
    expect(posts(sent, 'POST /api/deliberation/votes/51/close')).toHaveLength(1);
    expect(text('vote-51')).toContain('已于 11月29日 周五 17:45 结束');
    expect(text('vote-51')).toContain('最终结果');
    expect(byId('vote-51-close')).toBeNull();
  });

  it('without an agenda there is nothing to vote on, and it says so', async () => {
    serveRoutes(staffMe, {
      'GET /api/deliberation/sessions/7': () => ok(session()),
      'GET /api/deliberation/sessions/7/agenda': () => ok(agenda([])),
      'GET /api/deliberation/sessions/7/votes': () => ok([]),
    });
    render(<DelibStaffVotePage />);
    expect(await screen.findByText('这场议事还没有议程。请先在“议程”里添加，再发起表决。')).toBeTruthy();
    expect(byId('vote-new')).toBeNull();
  });
});

describe('minutes and resolutions', () => {
  /** Friday 2025-11-28 17:00 China time: held. */
  const held = session({ startsAt: '2025-11-28T09:00:00.000Z', endsAt: '2025-11-28T10:30:00.000Z', registrationOpen: false });

  function minutes(initial = outcome({ resolutions: [resolution()] }), extra: Routes = {}) {
    const live = { outcome: initial };
    const sent = serveRoutes(staffMe, {
      'GET /api/deliberation/sessions/7': () => ok(held),
      'GET /api/deliberation/sessions/7/agenda': () => ok(agenda()),
      'GET /api/deliberation/sessions/7/attendance': () => ok(attendance([attendee({ checkedInAt: '2030-11-29T08:52:00.000Z' }), attendee({ registrationId: 102 })])),
      'GET /api/deliberation/sessions/7/outcome': () => ok(live.outcome),
      ...extra,
    });
    render(<DelibStaffMinutesPage />);
    return { sent, live };
  }

  it('writes the first minutes; the attendee count comes from check-in', async () => {
    const { sent, live } = minutes(outcome(), {
      'POST /api/deliberation/sessions/7/minutes': (req) => {
        const m = {
          sessionId: 7, text: (req.data as { text: string }).text, attendeeCount: 1, confirmedCount: 2,
          recordedBy: { id: 5, name: '赵主任' }, recordedAt: '2030-11-29T10:00:00.000Z', updatedBy: { id: 5, name: '赵主任' }, updatedAt: '2030-11-29T10:00:00.000Z', version: 1,
        };
        live.outcome = outcome({ minutes: m });
        return { status: 201, body: m };
      },
    });
    expect(await screen.findByText('到会 1 人（报名 2 人，按现场签到统计）')).toBeTruthy();
    await tap(byId('minutes-save'));
    expect(text('minutes-error')).toBe('请先写下纪要');
    type('minutes-text', '议定文明养犬七条。');
    await tap(byId('minutes-save'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/minutes')[0].data).toEqual({ text: '议定文明养犬七条。' });
    await waitFor(() => expect(text('minutes-box')).toContain('赵主任 于 11月29日 周五 18:00 保存'));
  });

  it('records a resolution with owner and due date', async () => {
    const { sent, live } = minutes(outcome(), {
      'POST /api/deliberation/sessions/7/resolutions': () => {
        live.outcome = outcome({ resolutions: [resolution({ id: 82, text: '狗绳不超过 1.5 米', dueDate: '2030-12-31' })] });
        return { status: 201, body: live.outcome.resolutions[0] };
      },
    });
    await tap(await screen.findByText('记录一条决议'));
    await tap(byId('resolution-add'));
    expect(text('resolution-form-error')).toBe('请写下决议的内容，例如：遛狗一律拴绳');
    type('resolution-text', '狗绳不超过 1.5 米');
    type('resolution-owner', '物业公司');
    await tap(byId('resolution-add'));
    expect(text('resolution-form-error')).toBe('请选择完成期限');
    await tap(byId('resolution-item-31'));
    fireEvent.change(byId('resolution-due-picker')!, { target: { value: '2030-12-31' } });
    await tap(byId('resolution-add'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/resolutions')[0].data).toEqual({
      text: '狗绳不超过 1.5 米', ownerName: '物业公司', dueDate: '2030-12-31', agendaItemId: 31,
    });
    expect(await screen.findByText('1. 狗绳不超过 1.5 米')).toBeTruthy();
  });

  it('escalates a resolution to the street only with a reason, sending the version read, then shows its history', async () => {
    const escalated = resolutionDetail({
      status: 'escalated', escalationReason: '需要街道协调城管', version: 4,
      history: [
        ...resolutionDetail().history,
        { id: 2, kind: 'status', fromStatus: 'planned', toStatus: 'escalated', note: '需要街道协调城管', by: { id: 5, name: '赵主任' }, at: '2030-11-30T02:00:00.000Z' },
      ],
    });
    const { sent, live } = minutes(undefined, {
      'POST /api/deliberation/resolutions/81/status': () => {
        live.outcome = outcome({ resolutions: [escalated] });
        return ok(escalated);
      },
    });
    await screen.findByText('1. 遛狗一律拴绳');
    expect(text('resolution-81-status')).toBe('待落实');
    await tap(byId('resolution-81-change'));
    expect([...document.querySelectorAll('[id^="resolution-81-to-"]')].map((el) => el.textContent)).toEqual([
      '改为：落实中', '改为：已完成', '上报街道',
    ]);
    await tap(byId('resolution-81-to-escalated'));
    await tap(byId('resolution-81-status-save'));
    expect(text('resolution-error')).toBe('请写明上报街道的原因');
    expect(posts(sent, 'POST /api/deliberation/resolutions/81/status')).toHaveLength(0);
    type('resolution-status-note', '需要街道协调城管');
    await tap(byId('resolution-81-status-save'));
    expect(posts(sent, 'POST /api/deliberation/resolutions/81/status')[0].data).toEqual({ to: 'escalated', version: 3, note: '需要街道协调城管' });
    await waitFor(() => expect(text('resolution-81-status')).toBe('已上报街道'));
    expect(text('resolution-81')).toContain('上报原因需要街道协调城管');
    expect(text('history-2')).toContain('状态：待落实 → 已上报街道');
    expect(text('history-2')).toContain('说明：需要街道协调城管');
  });

  it('adds a progress note; a stale version reloads and says why', async () => {
    const { sent, live } = minutes(undefined, {
      'POST /api/deliberation/resolutions/81/notes': () => ok(resolutionDetail({
        history: [...resolutionDetail().history, { id: 3, kind: 'note', fromStatus: 'planned', toStatus: 'planned', note: '已张贴公约', by: { id: 5, name: '赵主任' }, at: '2030-11-30T02:00:00.000Z' }],
      })),
      'POST /api/deliberation/resolutions/81/status': () => {
        live.outcome = outcome({ resolutions: [resolution({ status: 'in_progress', version: 5 })] });
        return fail(409, 'RESOLUTION_STATE_CONFLICT', '这条决议刚被其他人更新过，请看最新状态后再操作');
      },
    });
    await tap(await screen.findByText('记录进展'));
    type('resolution-note', '已张贴公约');
    await tap(byId('resolution-81-note-save'));
    expect(posts(sent, 'POST /api/deliberation/resolutions/81/notes')[0].data).toEqual({ note: '已张贴公约' });
    expect(await screen.findByText('说明：已张贴公约')).toBeTruthy();

    await tap(byId('resolution-81-change'));
    await tap(byId('resolution-81-to-done'));
    await tap(byId('resolution-81-status-save'));
    expect(await screen.findByText('这条决议刚被其他人更新过，请看最新状态后再操作')).toBeTruthy();
    await waitFor(() => expect(text('resolution-81-status')).toBe('落实中'));
  });

  it('before the session starts it says so and offers no save button', async () => {
    serveRoutes(staffMe, {
      'GET /api/deliberation/sessions/7': () => ok(session()),
      'GET /api/deliberation/sessions/7/agenda': () => ok(agenda()),
      'GET /api/deliberation/sessions/7/attendance': () => ok(attendance([])),
      'GET /api/deliberation/sessions/7/outcome': () => ok(outcome()),
    });
    render(<DelibStaffMinutesPage />);
    expect(await screen.findByText('议事开始后才能记录纪要和决议。')).toBeTruthy();
    await screen.findByText('还没有记录决议。');
    expect(byId('minutes-save')).toBeNull();
    expect(byId('resolution-new')).toBeNull();
  });
});
