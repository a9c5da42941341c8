import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import qrcode from 'qrcode-generator';
import type { SessionItem } from '@contracts/deliberation.contract';
import type { VoteItem } from '@contracts/deliberation-votes.contract';
import type { SessionOutcome } from '@contracts/deliberation-outcomes.contract';
import SessionPage from '@/packages/deliberation/session/index';
import { __mock } from './mocks/taro';
import { agenda, outcome, registration, residentScreenSetup, resolution, session, vote } from './deliberation-resident.fixtures';
import { byId, tap, text } from './deliberation.fixtures';
import { mockApi, residentMe, routeOf, withMe, type Reply, type SentRequest } from './helpers';

const me = { ...residentMe, unit: { unitId: 4, label: '创业一社区 3号楼 2单元', communityId: 3, gridId: 2, confirmed: true } };

interface State {
  sessions: SessionItem[];
  votes: VoteItem[];
  outcome: SessionOutcome;
}

/** Serves the four loads of the session page from `initial` (completed and kept as the live state); extra routes first. */
function serve(initial: Partial<State> = {}, routes: Record<string, (req: SentRequest) => Reply> = {}) {
  const state = Object.assign(initial, { sessions: initial.sessions ?? [session()], votes: initial.votes ?? [], outcome: initial.outcome ?? outcome() }) as State;
  const sent = mockApi(
    withMe(me, (req) => {
      const route = routeOf(req);
      if (routes[route]) return routes[route](req);
      switch (route) {
        case 'GET /api/deliberation/sessions/7': {
          const s = state.sessions.find((x) => x.id === 7);
          return s ? { status: 200, body: s } : { status: 404, body: { code: 'SESSION_NOT_FOUND', message: '没有找到这场议事', requestId: 'r' } };
        }
        case 'GET /api/deliberation/sessions/7/agenda':
          return { status: 200, body: agenda() };
        case 'GET /api/deliberation/sessions/7/votes':
          return { status: 200, body: state.votes };
        case 'GET /api/deliberation/sessions/7/outcome':
          return { status: 200, body: state.outcome };
        default: {
          const m = /^GET \/api\/deliberation\/votes\/(\d+)$/.exec(route);
          const v = m ? state.votes.find((x) => x.id === Number(m[1])) : undefined;
          return v ? { status: 200, body: v } : undefined;
        }
      }
    }),
  );
  return { sent, state };
}

async function renderSession() {
  render(<SessionPage />);
  await screen.findByText('议程');
  await screen.findByText('1. 文明养犬');
}

describe('session detail: registration and check-in code', () => {
  const extras = residentScreenSetup({ id: '7' });

  it('draws my check-in code as a QR code (the same matrix qrcode-generator makes) and prints it large beneath', async () => {
    serve({ sessions: [session({ mine: registration({ checkInCode: 'K7Q2M9XA' }) })] });
    await renderSession();

    expect(text('session-status')).toBe('您已报名，座位已为您留好');
    expect(text('checkin-qr-text')).toBe('K7Q2M9XA');
    const qr = qrcode(0, 'M');
    qr.addData('K7Q2M9XA');
    qr.make();
    const n = qr.getModuleCount();
    const rows = Array.from(document.querySelectorAll('#checkin-qr .qr-code__row'));
    expect(rows).toHaveLength(n);
    // Each row's dark runs, counted from the generator directly.
    const darkRuns = (r: number) => {
      let runs = 0;
      for (let c = 0; c < n; c += 1) if (qr.isDark(r, c) && (c === 0 || !qr.isDark(r, c - 1))) runs += 1;
      return runs;
    };
    rows.forEach((row, r) => expect(row.querySelectorAll('.qr-code__dark')).toHaveLength(darkRuns(r)));
    expect(byId('checkin-qr')!.querySelector('[aria-label="二维码：K7Q2M9XA"]')).not.toBeNull();
  });

  it('shows the waiting-list position and no QR code while waitlisted', async () => {
    serve({ sessions: [session({ seatsLeft: 0, mine: registration({ status: 'waitlisted', seatKind: null, waitlistNo: 9, waitlistPosition: 4 }) })] });
    await renderSession();
    expect(text('session-status')).toBe('您在候补名单第 4 位。有人取消时，会按顺序自动递补并通知您');
    expect(byId('checkin-qr')).toBeNull();
    expect(byId('session-cancel')).not.toBeNull();
  });

  it('after check-in says so, with no code and no cancel button', async () => {
    serve({ sessions: [session({ mine: registration({ checkedInAt: '2026-11-27T08:52:00.000Z' }) })] });
    await renderSession();
    expect(text('session-status')).toBe('您已签到（16:52）');
    expect(byId('checkin-qr')).toBeNull();
    expect(byId('session-cancel')).toBeNull();
  });

  it('signs up from the detail page and then shows the QR code of the new registration', async () => {
    const { state } = serve({}, {
      'POST /api/deliberation/sessions/7/sign-up': () => {
        state.sessions = [session({ mine: registration({ checkInCode: 'ZZ11YY22' }) })];
        return { status: 201, body: registration({ checkInCode: 'ZZ11YY22' }) };
      },
    });
    await renderSession();
    expect(byId('checkin-qr')).toBeNull();
    await tap(byId('session-sign-up'));
    expect(extras.showModal).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(text('checkin-qr-text')).toBe('ZZ11YY22'));
  });

  it('shows the agenda item in the five-step form', async () => {
    serve();
    await renderSession();
    expect(text('agenda-31-where')).toBe('1. 在哪里小区中心花园');
    expect(text('agenda-31-what')).toBe('2. 什么事遛狗不牵绳，粪便不清理');
    expect(text('agenda-31-who')).toBe('3. 谁参与居民代表、物业公司；还有 养犬居民');
    expect(text('agenda-31-how')).toBe('4. 怎么议先讨论，再表决');
    expect(text('agenda-31-done')).toBe('5. 怎么办议事后填写落实办法');
    await tap(screen.getByText('查看居民提的议题 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/topic/index?id=12' });
  });

  it('shows the error of a session that does not exist (agenda 404 and not upcoming)', async () => {
    serve({ sessions: [] }, {
      'GET /api/deliberation/sessions/7/agenda': () => ({ status: 404, body: { code: 'SESSION_NOT_FOUND', message: '没有找到这场议事', requestId: 'r' } }),
    });
    render(<SessionPage />);
    expect(await screen.findByText('没有找到这场议事')).toBeTruthy();
    expect(screen.queryByText('议程')).toBeNull();
  });

  it('an ended session: says it ended, shows minutes and its resolutions', async () => {
    serve({
      sessions: [session({ startsAt: '2026-11-27T09:00:00.000Z', endsAt: '2026-11-27T10:30:00.000Z', registrationOpen: false, mine: null })],
      outcome: outcome({
        minutes: {
          sessionId: 7, text: '定下养犬公约七条', attendeeCount: 21, confirmedCount: 25,
          recordedBy: { id: 9, name: '解娜' }, recordedAt: '2026-11-27T11:00:00.000Z',
          updatedBy: { id: 9, name: '解娜' }, updatedAt: '2026-11-27T11:00:00.000Z', version: 1,
        },
        resolutions: [resolution(), resolution({ id: 71, text: '设置宠物便便箱', overdue: true, status: 'planned' })],
      }),
    });
    await renderSession();
    expect(byId('session-ended')).not.toBeNull();
    expect(text('minutes-attendees')).toBe('到场 21 人（报名 25 人）');
    expect(screen.getByText('定下养犬公约七条')).toBeTruthy();
    expect(text('session-resolution-71')).toContain('待落实（已逾期）');
    expect(byId('session-calendar')).toBeNull();
    await tap(byId('session-resolution-70'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/resolution/index?id=70' });
  });

  it('says in one line when there is no vote and no outcome yet', async () => {
    serve();
    await renderSession();
    expect(byId('votes-empty')).not.toBeNull();
    expect(byId('outcome-empty')).not.toBeNull();
  });
});

describe('session detail: votes', () => {
  const extras = residentScreenSetup({ id: '7' });

  function ballotRoute(state: State, sent: { bodies: unknown[] }) {
    return (req: SentRequest): Reply => {
      const { optionIds } = req.data as { optionIds: number[] };
      sent.bodies.push(req.data);
      const ballot = { voteId: 90, optionIds, castAt: '2026-11-27T09:10:00.000Z' };
      state.votes = state.votes.map((v) => ({ ...v, myBallot: ballot, canVote: false, cannotVoteReason: '您已投票，投票后不能修改' }));
      return { status: 201, body: ballot };
    };
  }

  it('single choice: the last tap wins; confirm names the choice; then 您已投票：…', async () => {
    const bodies = { bodies: [] as unknown[] };
    const state = { sessions: [session({ mine: registration() })], votes: [vote()], outcome: outcome() };
    const { sent } = serve(state, { 'POST /api/deliberation/votes/90/ballot': (req) => ballotRoute(state, bodies)(req) });
    await renderSession();

    await tap(byId('vote-90-option-901'));
    await tap(byId('vote-90-option-902'));
    expect(byId('vote-90-option-901')!.getAttribute('aria-checked')).toBe('false');
    expect(byId('vote-90-option-902')!.getAttribute('aria-checked')).toBe('true');
    await tap(byId('vote-90-submit'));

    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '您选择了：固定遛狗时间。投票后不能修改，确认投票吗？' }));
    expect(bodies.bodies).toEqual([{ optionIds: [902] }]);
    await waitFor(() => expect(text('vote-90-mine')).toBe('您已投票：固定遛狗时间'));
    expect(byId('vote-90-submit')).toBeNull();
    expect(text('vote-90-no-results')).toBe('投票结束后公布结果');
    expect(sent.some((r) => routeOf(r) === 'GET /api/deliberation/votes/90')).toBe(true);
  });

  it('multiple choice: refuses more than maxChoices with a plain message and sends the chosen ones', async () => {
    const bodies = { bodies: [] as unknown[] };
    const state = { sessions: [session()], votes: [vote({ mode: 'multiple', maxChoices: 2 })], outcome: outcome() };
    serve(state, { 'POST /api/deliberation/votes/90/ballot': (req) => ballotRoute(state, bodies)(req) });
    await renderSession();
    expect(screen.getByText(/可多选，最多选 2 项/)).toBeTruthy();

    await tap(byId('vote-90-option-901'));
    await tap(byId('vote-90-option-903'));
    await tap(byId('vote-90-option-902'));
    expect(text('vote-90-error')).toBe('最多只能选 2 项，请先点掉一项再选');
    expect(byId('vote-90-option-902')!.getAttribute('aria-checked')).toBe('false');
    expect(['901', '903'].map((o) => byId(`vote-90-option-${o}`)!.getAttribute('aria-checked'))).toEqual(['true', 'true']);

    await tap(byId('vote-90-submit'));
    expect(bodies.bodies).toEqual([{ optionIds: [901, 903] }]);
    await waitFor(() => expect(text('vote-90-mine')).toBe('您已投票：任何时候都牵绳、划定遛狗区域'));
  });

  it('asks to choose first, and sends nothing when the confirm is declined', async () => {
    const { sent } = serve({ votes: [vote()] });
    await renderSession();
    await tap(byId('vote-90-submit'));
    expect(text('vote-90-error')).toBe('请先点选一项');
    expect(extras.showModal).not.toHaveBeenCalled();

    extras.showModal.mockResolvedValue({ confirm: false, cancel: true });
    await tap(byId('vote-90-option-901'));
    await tap(byId('vote-90-submit'));
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('a vote closed meanwhile: shows the server’s message and the vote as it is now', async () => {
    const state = { sessions: [session()], votes: [vote()], outcome: outcome() };
    serve(state, {
      'POST /api/deliberation/votes/90/ballot': () => {
        state.votes = [vote({ status: 'closed', canVote: false, cannotVoteReason: '投票已经结束' })];
        return { status: 409, body: { code: 'VOTE_CLOSED', message: '投票已经结束，不能再投', requestId: 'r' } };
      },
    });
    await renderSession();
    await tap(byId('vote-90-option-901'));
    await tap(byId('vote-90-submit'));
    await waitFor(() => expect(text('vote-90-error')).toBe('投票已经结束，不能再投'));
    expect(byId('vote-90-submit')).toBeNull();
    expect(text('vote-90-reason')).toBe('投票已经结束');
  });

  it('刷新表决 loads the votes again, so a vote opened during the session appears', async () => {
    const { state } = serve();
    await renderSession();
    expect(byId('votes-empty')).not.toBeNull();
    state.votes = [vote()];
    await tap(byId('votes-refresh'));
    expect(byId('votes-empty')).toBeNull();
    expect(byId('vote-90-option-901')).not.toBeNull();
  });

  it('shows results per option: online, hands raised offline and the total', async () => {
    serve({
      votes: [
        vote({
          status: 'closed',
          closedAt: '2026-11-27T10:00:00.000Z',
          canVote: false,
          cannotVoteReason: '投票已经结束',
          myBallot: { voteId: 90, optionIds: [901], castAt: '2026-11-27T09:10:00.000Z' },
          results: {
            options: [
              { optionId: 901, online: 12, offline: 9, total: 21 },
              { optionId: 902, online: 3, offline: 2, total: 5 },
              { optionId: 903, online: 0, offline: 0, total: 0 },
            ],
            ballots: 15,
            offlineTotal: 11,
            offlineRecordedAt: '2026-11-27T10:05:00.000Z',
            final: true,
          },
        }),
      ],
    });
    await renderSession();
    expect(text('vote-90-mine')).toBe('您已投票：任何时候都牵绳');
    expect(text('vote-90-result-901')).toContain('线上 12 票 ＋ 现场举手 9 票 ＝ 共 21 票');
    expect(text('vote-90-result-902')).toContain('线上 3 票 ＋ 现场举手 2 票 ＝ 共 5 票');
    expect(text('vote-90-results')).toContain('表决结果');
    expect(text('vote-90-results')).toContain('线上投票 15 人，现场举手共 11 票');
    expect(byId('vote-90-reason')).toBeNull();
  });
});

describe('session detail: share and calendar', () => {
  const extras = residentScreenSetup({ id: '7' });

  it('gives WeChat a share card that opens this session', async () => {
    serve();
    await renderSession();
    expect(extras.shareCard()).toEqual({
      title: expect.stringContaining('文明养犬'),
      path: '/packages/deliberation/session/index?id=7',
    });
    expect(extras.shareCard()!.title).toContain('小区凉亭');
    expect(byId('session-share')!.textContent).toBe('转发到微信群');
  });

  it('in the browser copies the full link to the session', async () => {
    process.env.TARO_ENV = 'h5';
    serve();
    await renderSession();
    await tap(screen.getByText('复制链接'));
    expect(extras.setClipboardData).toHaveBeenCalledWith({ data: 'http://localhost/#/packages/deliberation/session/index?id=7' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '链接已复制，可以粘贴发给邻居', icon: 'none' });
  });

  it('in WeChat adds the session to the phone calendar with start, end, place and a reminder', async () => {
    const s = session();
    serve({ sessions: [s] });
    await renderSession();
    await tap(byId('session-calendar'));
    expect(extras.addPhoneCalendar).toHaveBeenCalledWith({
      title: '社区议事：周五凉亭议事',
      startTime: Math.floor(Date.parse(s.startsAt) / 1000),
      endTime: String(Math.floor(Date.parse(s.endsAt) / 1000)),
      location: '小区凉亭',
      description: '邻里议事亭，请准时参加',
      alarm: true,
      alarmOffset: 3600,
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已加到手机日历，开始前 1 小时提醒您', icon: 'none' });
  });

  it('in the browser downloads the .ics with the login token and saves it through a Blob link', async () => {
    process.env.TARO_ENV = 'h5';
    serve();
    const blob = new Blob(['BEGIN:VCALENDAR'], { type: 'text/calendar' });
    const fetchMock = jest.fn(async () => ({ ok: true, status: 200, blob: async () => blob }));
    const g = globalThis as unknown as Record<string, unknown>;
    const urlApi = URL as unknown as Record<string, unknown>;
    g.fetch = fetchMock;
    urlApi.createObjectURL = jest.fn(() => 'blob:ics');
    urlApi.revokeObjectURL = jest.fn();
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('href')} ${this.download}`);
    });
    try {
      await renderSession();
      await tap(byId('session-calendar'));
      expect(fetchMock).toHaveBeenCalledWith('/api/deliberation/sessions/7/calendar.ics', { headers: { Authorization: 'Bearer test-token' } });
      expect(urlApi.createObjectURL).toHaveBeenCalledWith(blob);
      expect(clicked).toEqual(['blob:ics yishi-7.ics']);
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '日历文件已下载，打开它就能加到日历', icon: 'none' });
    } finally {
      click.mockRestore();
      delete g.fetch;
      delete urlApi.createObjectURL;
      delete urlApi.revokeObjectURL;
    }
  });

  it('in the browser shows the server’s message when the .ics cannot be downloaded', async () => {
    process.env.TARO_ENV = 'h5';
    serve();
    const g = globalThis as unknown as Record<string, unknown>;
    g.fetch = jest.fn(async () => ({ ok: false, status: 404, json: async () => ({ code: 'SESSION_NOT_FOUND', message: '没有找到这场议事', requestId: 'r' }) }));
    try {
      await renderSession();
      await tap(byId('session-calendar'));
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '没有找到这场议事', icon: 'none' });
    } finally {
      delete g.fetch;
    }
  });
});
