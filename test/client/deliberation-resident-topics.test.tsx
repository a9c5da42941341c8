import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { TopicDetail } from '@contracts/deliberation-topics.contract';
import TopicsPage from '@/packages/deliberation/topics/index';
import ProposePage from '@/packages/deliberation/propose/index';
import TopicPage from '@/packages/deliberation/topic/index';
import { chinaDate, chinaDateTime } from '@/components/deliberation/china-time';
import { __mock } from './mocks/taro';
import { concernItem } from './fixtures';
import { inHours, residentScreenSetup, topic } from './deliberation-resident.fixtures';
import { byId, fail as error, queryOf, serveRoutes, tap, text, type Routes } from './deliberation.fixtures';
import { gridWorkerMe, residentMe, routeOf, type Reply } from './helpers';

const me = { ...residentMe, unit: { unitId: 4, label: '创业一社区 3号楼 2单元', communityId: 3, gridId: 2, confirmed: true } };
const serve = (routes: Routes, user: object = me) => serveRoutes(user, routes);

async function type(id: string, value: string) {
  await act(async () => {
    fireEvent.change(byId(id) as Element, { target: { value } });
  });
}

const page = (items: TopicDetail[], nextCursor: string | null = null) => ({ status: 200, body: { items, nextCursor, threshold: 5 } });

describe('topics list', () => {
  const extras = residentScreenSetup();

  it('shows status, category and supports against the threshold; supporting updates the card from the answer', async () => {
    const sent = serve({
      'GET /api/deliberation/topics': () => page([topic(), topic({ id: 13, title: '楼道堆物', status: 'on_agenda', statusText: '已列入议程', supportCount: 8, agenda: { agendaItemId: 31, sessionId: 7, sessionStartsAt: inHours(48), sessionPlace: '小区凉亭', position: 1 } })]),
      'POST /api/deliberation/topics/12/support': () => ({ status: 200, body: topic({ supportCount: 4, supportedByMe: true }) }),
    });
    render(<TopicsPage />);
    await screen.findByText('文明养犬');

    expect(text('topic-12-status')).toBe('征集支持中');
    expect(text('topic-12-count')).toBe('已有 3 人支持，还差 2 人就能排队上会');
    expect(byId('topic-12')!.querySelector('[aria-label="3 / 5 人支持"]')).not.toBeNull();
    expect(text('topic-13-status')).toBe('已列入议程');
    expect(byId('topic-13')!.textContent).toContain(`已列入 ${chinaDate(inHours(48))} 的议事`);
    expect(screen.getByText('一个议题有 5 位邻居支持，就会排队安排上会。')).toBeTruthy();

    await tap(byId('topic-12-support'));
    expect(sent.filter((r) => r.method === 'POST').map(routeOf)).toEqual(['POST /api/deliberation/topics/12/support']);
    expect(text('topic-12-count')).toBe('已有 4 人支持（含您），还差 1 人就能排队上会');
    expect(byId('topic-12-withdraw')!.textContent).toBe('取消我的支持');
  });

  it('withdraws my support only after confirming', async () => {
    const sent = serve({
      'GET /api/deliberation/topics': () => page([topic({ supportCount: 4, supportedByMe: true })]),
      'DELETE /api/deliberation/topics/12/support': () => ({ status: 200, body: topic({ supportCount: 3, supportedByMe: false }) }),
    });
    render(<TopicsPage />);
    await tap(await screen.findByText('取消我的支持'));
    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定不再支持“文明养犬”吗？' }));
    expect(sent.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(text('topic-12-count')).toBe('已有 3 人支持，还差 2 人就能排队上会');
  });

  it('shows the server’s message when support is refused and reloads the list', async () => {
    let calls = 0;
    serve({
      'GET /api/deliberation/topics': () => {
        calls += 1;
        return page([topic({ supportedByMe: calls > 1, supportCount: calls > 1 ? 4 : 3 })]);
      },
      'POST /api/deliberation/topics/12/support': () => error(409, 'TOPIC_ALREADY_SUPPORTED', '您已经支持过这个议题'),
    });
    render(<TopicsPage />);
    await tap(await screen.findByText('我支持这个议题'));
    expect(text('support-error')).toBe('您已经支持过这个议题');
    await waitFor(() => expect(text('topic-12-count')).toBe('已有 4 人支持（含您），还差 1 人就能排队上会'));
  });

  it('asks the server for the chosen sort and status, and pages with the cursor', async () => {
    const sent = serve({
      'GET /api/deliberation/topics': (req) =>
        queryOf(req).cursor === 'c2' ? page([topic({ id: 14, title: '第二页的议题' })]) : page([topic()], 'c2'),
    });
    render(<TopicsPage />);
    await screen.findByText('文明养犬');
    expect(queryOf(sent.filter((r) => r.url.includes('/topics'))[0])).toEqual({ sort: 'support', limit: '20' });

    await tap(byId('topics-sort-newest'));
    await tap(byId('topics-filter-mine'));
    await tap(byId('topics-filter-queued'));
    const asked = sent.filter((r) => r.url.includes('/topics')).map(queryOf);
    expect(asked).toContainEqual({ sort: 'newest', limit: '20' });
    expect(asked).toContainEqual({ sort: 'newest', mine: 'true', limit: '20' });
    expect(asked[asked.length - 1]).toEqual({ sort: 'newest', status: 'queued', limit: '20' });

    await tap(await screen.findByText('加载更多'));
    expect(await screen.findByText('第二页的议题')).toBeTruthy();
    expect(queryOf(sent[sent.length - 1]).cursor).toBe('c2');
  });

  it('says in one plain line when there are no topics, and offers 提议题 to residents only', async () => {
    serve({ 'GET /api/deliberation/topics': () => page([]) });
    render(<TopicsPage />);
    expect(await screen.findByText('社区里还没有议题，有想商量的事可以点“提议题”。')).toBeTruthy();
    await tap(byId('topics-propose'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/propose/index' });
  });

  it('a grid worker sees the supports but gets no support or propose button', async () => {
    const sent = serve({ 'GET /api/deliberation/topics': () => page([topic()]) }, gridWorkerMe);
    render(<TopicsPage />);
    await screen.findByText('文明养犬');
    // Let the answer of GET /api/me (the role) arrive before checking what is missing.
    await waitFor(() => expect(sent.some((r) => routeOf(r) === 'GET /api/me')).toBe(true));
    await act(async () => {
      await Promise.resolve();
    });
    expect(byId('topics-propose')).toBeNull();
    expect(byId('topic-12-count')!.textContent).toContain('已有 3 人支持');
    expect(document.querySelector('#topic-12 button')).toBeNull();
  });

  it('shows the load error with 重试', async () => {
    let fail = true;
    serve({ 'GET /api/deliberation/topics': () => (fail ? 'network-error' : page([topic()])) });
    render(<TopicsPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后再试')).toBeTruthy();
    fail = false;
    await tap(screen.getByText('重试'));
    expect(await screen.findByText('文明养犬')).toBeTruthy();
  });
});

describe('propose a topic', () => {
  residentScreenSetup();

  const mine = { status: 200, body: { items: [concernItem({ id: 3, text: '狗在楼道里叫' })], nextCursor: null } };

  async function fill() {
    await type('propose-title', '文明养犬');
    await type('propose-problem', '遛狗不牵绳');
    await type('propose-hope', '定个公约');
    await tap(byId('category-pets'));
  }

  it('says what is missing, beside each field, without asking the server', async () => {
    const sent = serve({ 'GET /api/concerns/mine': () => mine });
    render(<ProposePage />);
    await tap(await screen.findByText('提交议题'));
    expect(text('propose-error')).toBe('还有没填好的地方，请看下面红字提示');
    expect(text('propose-title-error')).toBe('请填写议题标题');
    expect(text('propose-problem-error')).toBe('请写明存在什么问题');
    expect(text('propose-hope-error')).toBe('请写明希望怎样解决');
    expect(text('propose-category-error')).toBe('请选择议题类别');
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('turns the server’s validation error into the field’s name and message', async () => {
    serve({
      'GET /api/concerns/mine': () => mine,
      'POST /api/deliberation/topics': () => ({
        status: 400,
        body: { code: 'VALIDATION_FAILED', message: '请求内容有误：problem 请写明存在什么问题', requestId: 'r', details: [{ path: 'problem', message: '请写明存在什么问题' }] },
      }),
    });
    render(<ProposePage />);
    await screen.findByText(/狗在楼道里叫/);
    await fill();
    await tap(screen.getByText('提交议题'));
    expect(text('propose-error')).toBe('哪里不对：请写明存在什么问题');
    expect(text('propose-problem-error')).toBe('请写明存在什么问题');
    expect(byId('propose-title-error')).toBeNull();
  });

  it('shows a linked-concern error beside the concerns, and the unit button on UNIT_REQUIRED', async () => {
    let answer: Reply = error(422, 'TOPIC_CONCERN_INVALID', '关联的问题不属于本社区，或您看不到它');
    serve({ 'GET /api/concerns/mine': () => mine, 'POST /api/deliberation/topics': () => answer });
    render(<ProposePage />);
    await screen.findByText(/狗在楼道里叫/);
    await fill();
    await tap(byId('propose-concern-3'));
    await tap(screen.getByText('提交议题'));
    expect(text('propose-concerns-error')).toBe('关联的问题不属于本社区，或您看不到它');

    answer = error(422, 'UNIT_REQUIRED', '请先在“我的”里选择您居住的单元，再参加议事');
    await tap(screen.getByText('提交议题'));
    expect(text('propose-error')).toBe('请先在“我的”里选择您居住的单元，再参加议事');
    await tap(byId('propose-choose-unit'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/unit/index' });
  });

  it('sends the form with linked concerns and an idempotency key, then opens the new topic', async () => {
    const sent = serve({
      'GET /api/concerns/mine': () => mine,
      'POST /api/deliberation/topics': () => ({ status: 201, body: topic({ id: 40 }) }),
    });
    render(<ProposePage />);
    await screen.findByText(/狗在楼道里叫/);
    await fill();
    await tap(byId('propose-concern-3'));
    expect(byId('propose-concern-3')!.getAttribute('aria-checked')).toBe('true');
    await tap(screen.getByText('提交议题'));

    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.data).toEqual({ title: '文明养犬', problem: '遛狗不牵绳', hope: '定个公约', category: 'pets', concernIds: [3] });
    expect(post.header['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/deliberation/topic/index?id=40' });
  });

  it('sends a retry after a lost answer with the same idempotency key', async () => {
    let lost = true;
    const sent = serve({
      'GET /api/concerns/mine': () => mine,
      'POST /api/deliberation/topics': () => (lost ? 'network-error' : { status: 201, body: topic({ id: 41 }) }),
    });
    render(<ProposePage />);
    await screen.findByText(/狗在楼道里叫/);
    await fill();
    await tap(screen.getByText('提交议题'));
    expect(text('propose-error')).toBe('网络连接失败，请检查网络后再试');
    lost = false;
    await tap(screen.getByText('提交议题'));
    const keys = sent.filter((r) => r.method === 'POST').map((r) => r.header['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });
});

describe('topic detail', () => {
  const extras = residentScreenSetup({ id: '12' });

  const serveTopic = (t: TopicDetail, routes: Routes = {}) => serve({ 'GET /api/deliberation/topics/12': () => ({ status: 200, body: t }), ...routes });

  it('queued: explains it waits for the next session with free agenda space', async () => {
    serveTopic(topic({ status: 'queued', statusText: '排队待上会', supportCount: 6 }));
    render(<TopicPage />);
    expect(await screen.findByText('支持的邻居已经够了，正在排队，会安排到最近一场还有空位的议事。')).toBeTruthy();
  });

  it('on the agenda: says when and where, and links to that session', async () => {
    const startsAt = inHours(48);
    serveTopic(topic({ status: 'on_agenda', statusText: '已列入议程', agenda: { agendaItemId: 31, sessionId: 7, sessionStartsAt: startsAt, sessionPlace: '小区凉亭', position: 1 } }));
    render(<TopicPage />);
    await screen.findByText('已列入议程');
    expect(text('topic-status-explained')).toBe(`已列入议程：${chinaDateTime(startsAt)}在小区凉亭讨论，欢迎报名参加。`);
    await tap(byId('topic-open-session'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/session/index?id=7' });
  });

  it('merged: names the topic it went into and opens it', async () => {
    serveTopic(topic({ status: 'merged', statusText: '已合并', mergedInto: { id: 9, title: '养狗要牵绳' } }));
    render(<TopicPage />);
    await screen.findByText('已合并');
    expect(text('topic-status-explained')).toBe('和“养狗要牵绳”说的是同一件事，已合并到那个议题，大家的支持一并算过去了。');
    expect(byId('topic-support-count')).not.toBeNull();
    expect(document.querySelector('#topic-support-card button')).toBeNull();
    await tap(byId('topic-open-merged'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/topic/index?id=9' });
  });

  it('declined: shows the reason', async () => {
    serveTopic(topic({ status: 'declined', statusText: '未采纳', declineReason: '属于物业合同纠纷，请走物业投诉渠道' }));
    render(<TopicPage />);
    await screen.findByText('未采纳');
    expect(text('topic-status-explained')).toBe('社区没有采纳这个议题。原因：属于物业合同纠纷，请走物业投诉渠道');
  });

  it('supports from the detail page and shows the new count', async () => {
    serveTopic(topic(), { 'POST /api/deliberation/topics/12/support': () => ({ status: 200, body: topic({ supportCount: 5, supportedByMe: true, status: 'queued', statusText: '排队待上会' }) }) });
    render(<TopicPage />);
    await tap(await screen.findByText('我支持这个议题'));
    expect(text('topic-support-count')).toBe('已有 5 人支持（含您）');
    expect(text('topic-status')).toBe('排队待上会');
  });

  it('gives WeChat a share card with the topic’s own path', async () => {
    serveTopic(topic());
    render(<TopicPage />);
    await screen.findByText('遛狗不牵绳，吓到孩子');
    expect(extras.shareCard()).toEqual({ title: '邻里议事议题：文明养犬（3 人支持）', path: '/packages/deliberation/topic/index?id=12' });
  });

  it('in the browser copies the topic’s full link', async () => {
    process.env.TARO_ENV = 'h5';
    serveTopic(topic());
    render(<TopicPage />);
    await tap(await screen.findByText('复制链接'));
    expect(extras.setClipboardData).toHaveBeenCalledWith({ data: 'http://localhost/#/packages/deliberation/topic/index?id=12' });
  });

  it('shows the server’s error for a topic of another community', async () => {
    serve({ 'GET /api/deliberation/topics/12': () => error(404, 'TOPIC_NOT_FOUND', '没有找到这个议题') });
    render(<TopicPage />);
    expect(await screen.findByText('没有找到这个议题')).toBeTruthy();
  });
});
