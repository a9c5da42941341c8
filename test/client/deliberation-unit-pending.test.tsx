import { render, screen } from '@testing-library/react';
import TopicsPage from '@/packages/deliberation/topics/index';
import TopicPage from '@/packages/deliberation/topic/index';
import DeliberationPage from '@/pages/deliberation/index';
import { agenda, residentScreenSetup, session, topic } from './deliberation-resident.fixtures';
import { byId, serveRoutes, text } from './deliberation.fixtures';
import { residentMe } from './helpers';

// Issue 10: a resident whose unit waits for the grid worker is told why they cannot support, propose or vote yet,
// instead of seeing buttons the server would refuse (UNIT_NOT_CONFIRMED).
const unit = (confirmed: boolean) => ({ unitId: 4, label: '创业一社区 3号楼 2单元', communityId: 3, gridId: 2, confirmed });
const pendingMe = { ...residentMe, unit: unit(false) };
const confirmedMe = { ...residentMe, unit: unit(true) };
const PENDING = '住址待网格员确认：确认后才能支持议题、提议题和投票。可以先反映问题。';
const topicsPage = () => ({ status: 200, body: { items: [topic()], nextCursor: null, threshold: 5 } });

describe('议事 screens for a resident whose unit is not confirmed yet', () => {
  residentScreenSetup({ id: '12' });

  it('topics list: says why instead of offering 提议题 and 我支持这个议题', async () => {
    serveRoutes(pendingMe, { 'GET /api/deliberation/topics': topicsPage });
    render(<TopicsPage />);
    await screen.findByText('文明养犬');
    expect(text('topics-unit-pending')).toBe(PENDING);
    expect(byId('topics-propose')).toBeNull();
    expect(byId('topic-12-support')).toBeNull();
  });

  it('topic page: says why instead of the support button', async () => {
    serveRoutes(pendingMe, { 'GET /api/deliberation/topics/12': () => ({ status: 200, body: topic() }) });
    render(<TopicPage />);
    await screen.findByText('文明养犬');
    expect(text('topic-unit-pending')).toBe(PENDING);
    expect(byId('topic-support')).toBeNull();
  });

  it('议事 tab: says it plainly above the sessions', async () => {
    serveRoutes(pendingMe, {
      'GET /api/deliberation/sessions': () => ({ status: 200, body: [session()] }),
      'GET /api/deliberation/sessions/7/agenda': () => ({ status: 200, body: agenda() }),
    });
    render(<DeliberationPage />);
    expect((await screen.findByText(PENDING)).textContent).toBe(PENDING);
  });

  it('once confirmed: the buttons are back and the notice is gone', async () => {
    serveRoutes(confirmedMe, { 'GET /api/deliberation/topics': topicsPage });
    render(<TopicsPage />);
    await screen.findByText('文明养犬');
    expect(byId('topics-unit-pending')).toBeNull();
    expect(byId('topics-propose')).not.toBeNull();
    expect(byId('topic-12-support')).not.toBeNull();
  });
});
