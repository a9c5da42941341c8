import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NewConcernPage from '@/packages/concerns/new/index';
import { mockApi, resetTaro, routeOf, setToken, type Reply } from './helpers';

const DRAFT_KEY = 'linli.concernDraft';

const created = {
  id: 42,
  category: 'leak',
  categoryLabel: '漏水',
  text: '楼上漏水',
  status: 'submitted',
  statusLabel: '已提交',
  placeLabel: '创业一社区 3号楼 2单元',
  gridName: '第一网格',
  submitterName: '王秀兰',
  unconfirmed: false,
  holderName: '李网格',
  holderRoleLabel: '网格员',
  firstOwnerName: '李网格',
  createdAt: '2026-11-23T08:00:00.000Z',
  acceptedAt: null,
};

function replies(...list: Reply[]) {
  return mockApi((req) => (routeOf(req) === 'POST /api/concerns' ? list.shift() : undefined));
}

function textarea(): HTMLTextAreaElement {
  return document.getElementById('concern-text') as HTMLTextAreaElement;
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByText('提交'));
  });
}

describe('new concern page', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('restores a saved draft (category and text)', () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水，天花板滴水', idempotencyKey: null });

    render(<NewConcernPage />);

    expect(textarea().value).toBe('楼上漏水，天花板滴水');
    expect(document.getElementById('category-leak')!.className).toContain('category-tile--active');
    expect(screen.getByText('10/1000')).toBeTruthy();
  });

  it('saves the draft to storage as the resident types and picks a category', () => {
    render(<NewConcernPage />);

    fireEvent.click(screen.getByText('噪音扰民'));
    fireEvent.change(textarea(), { target: { value: '晚上装修很吵' } });

    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ category: 'noise', text: '晚上装修很吵' });
  });

  it('sends the same Idempotency-Key when retrying the same draft, then clears the draft', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    const sent = replies('network-error', { status: 201, body: created });
    render(<NewConcernPage />);

    await submit();
    expect(await screen.findByText('网络连接失败，请检查网络后再试')).toBeTruthy();
    await submit();

    expect(sent).toHaveLength(2);
    const firstKey = sent[0].header['idempotency-key'];
    expect(firstKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1].header['idempotency-key']).toBe(firstKey);
    expect(sent[1].data).toEqual({ category: 'leak', text: '楼上漏水', photoIds: [], isPublic: false });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=42' }));
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('keeps the key across a page reload (key stored with the draft)', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    const sent = replies({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '服务繁忙', requestId: 'x' } }, { status: 201, body: created });
    const first = render(<NewConcernPage />);
    await submit();
    first.unmount();

    render(<NewConcernPage />);
    await submit();

    expect(sent[1].header['idempotency-key']).toBe(sent[0].header['idempotency-key']);
  });

  it('uses a new key once the draft has been edited', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    const sent = replies('network-error', { status: 201, body: created });
    render(<NewConcernPage />);

    await submit();
    fireEvent.change(textarea(), { target: { value: '楼上漏水，已经三天了' } });
    await submit();

    expect(sent[1].header['idempotency-key']).not.toBe(sent[0].header['idempotency-key']);
  });

  it('shows the server message and offers the unit page when the resident has no unit', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    replies({ status: 422, body: { code: 'UNIT_REQUIRED', message: '请先选择您居住的单元', requestId: 'r' } });
    render(<NewConcernPage />);

    await submit();

    expect(await screen.findByText('请先选择您居住的单元')).toBeTruthy();
    fireEvent.click(screen.getByText('去选择单元'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/unit/index' });
    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ text: '楼上漏水', idempotencyKey: null });
  });

  it('does not send anything without a category', async () => {
    const sent = replies();
    render(<NewConcernPage />);
    fireEvent.change(textarea(), { target: { value: '有事' } });

    await submit();

    expect(screen.getByText('请先选择问题类别')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });
});
