import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NewConcernPage from '@/packages/concerns/new/index';
import { mockApi, resetTaro, routeOf, setToken, type Handler, type Reply, type SentRequest } from './helpers';

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

const neighbours = {
  ...created,
  id: 7,
  text: '2号楼东侧路灯不亮，晚上很黑',
  submitterName: '陈文信',
  isPublic: true,
  meTooCount: 3,
};

const categories = [
  { code: 'leak', label: '漏水', hint: '哪一层？还在漏吗？', emergencyNotice: null, resolveHours: 48, enabled: true },
  { code: 'safety_hazard', label: '安全隐患', hint: null, emergencyNotice: '闻到燃气味请立即离开并拨打 119', resolveHours: 24, enabled: true },
  { code: 'pets', label: '宠物', hint: null, emergencyNotice: null, resolveHours: 72, enabled: false },
];

const posts = (sent: SentRequest[]) => sent.filter((r) => routeOf(r) === 'POST /api/concerns');

/** POST /api/concerns answers from the list; everything else through `other` (404 when it has no answer). */
function replies(list: Reply[], other: Handler = () => undefined) {
  return mockApi((req) => (routeOf(req) === 'POST /api/concerns' ? list.shift() : other(req)));
}

function textarea(): HTMLTextAreaElement {
  return document.getElementById('concern-text') as HTMLTextAreaElement;
}

async function submit(label = '提交') {
  await act(async () => {
    fireEvent.click(screen.getByText(label));
  });
}

type MediaMocks = Record<'chooseMedia' | 'uploadFile' | 'downloadFile', jest.Mock | undefined>;
const taro = Taro as unknown as MediaMocks;

describe('new concern page', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });
  afterEach(() => {
    delete taro.chooseMedia;
    delete taro.uploadFile;
    delete taro.downloadFile;
  });

  it('restores a saved draft (category and text)', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水，天花板滴水', idempotencyKey: null });
    replies([]);

    render(<NewConcernPage />);

    expect(textarea().value).toBe('楼上漏水，天花板滴水');
    expect(document.getElementById('category-leak')!.className).toContain('category-tile--active');
    expect(screen.getByText('10/1000')).toBeTruthy();
    await act(async () => undefined); // let the category list request settle
  });

  it('restores the extended draft (uploaded photos, public spot, public switch) and submits all of it', async () => {
    Taro.setStorageSync(DRAFT_KEY, {
      category: 'facilities',
      text: '儿童乐园的滑梯断了',
      photos: [{ localPath: 'wxfile://old-1.jpg', id: 11 }, { localPath: 'wxfile://old-2.jpg', id: 12 }],
      place: { kind: 'public_spot', detail: '3号楼北侧儿童乐园' },
      isPublic: true,
      idempotencyKey: null,
    });
    taro.downloadFile = jest.fn(async ({ url }: { url: string }) => ({ statusCode: 200, tempFilePath: `wxfile://fresh-${url.split('/').pop()}.jpg` }));
    const sent = replies([{ status: 201, body: created }], (req) =>
      routeOf(req) === 'GET /api/concerns/similar' ? { status: 200, body: { items: [] } } : undefined,
    );

    render(<NewConcernPage />);

    expect(document.getElementById('place-public_spot')!.className).toContain('choice-chip--active');
    expect((document.getElementById('place-detail') as HTMLInputElement).value).toBe('3号楼北侧儿童乐园');
    expect(document.getElementById('concern-public-switch')!.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('已选 2/9 张，可拍照或从相册选')).toBeTruthy();
    // The thumbnails of restored photos are downloaded again (local files may be gone).
    await waitFor(() =>
      expect(Array.from(document.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual(['wxfile://fresh-11.jpg', 'wxfile://fresh-12.jpg']),
    );

    await submit();

    expect(posts(sent)[0].data).toEqual({
      category: 'facilities',
      text: '儿童乐园的滑梯断了',
      photoIds: [11, 12],
      isPublic: true,
      place: { kind: 'public_spot', detail: '3号楼北侧儿童乐园' },
    });
  });

  it('saves the draft to storage as the resident types, picks a category, a place and the public switch', async () => {
    replies([]);
    render(<NewConcernPage />);

    fireEvent.click(screen.getByText('噪音扰民'));
    fireEvent.change(textarea(), { target: { value: '晚上装修很吵' } });
    fireEvent.click(screen.getByText('公共区域'));
    fireEvent.change(document.getElementById('place-detail')!, { target: { value: '小区南门' } });
    fireEvent.click(document.getElementById('concern-public-switch')!);

    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({
      category: 'noise',
      text: '晚上装修很吵',
      place: { kind: 'public_spot', detail: '小区南门' },
      isPublic: true,
      photos: [],
    });
    await act(async () => undefined);
  });

  it('shows the chosen category’s hint as the placeholder and its emergency notice before submission; hides disabled ones', async () => {
    replies([], (req) => (routeOf(req) === 'GET /api/concerns/categories' ? { status: 200, body: { items: categories } } : undefined));
    render(<NewConcernPage />);
    // The built-in list shows first; the community's own replaces it.
    await waitFor(() => expect(screen.queryByText('宠物')).toBeNull());
    expect(screen.getByText('安全隐患')).toBeTruthy();
    expect(screen.queryByText('噪音扰民')).toBeNull();

    fireEvent.click(screen.getByText('漏水'));
    expect(textarea().placeholder).toBe('哪一层？还在漏吗？');
    expect(document.getElementById('concern-emergency-notice')).toBeNull();

    fireEvent.click(screen.getByText('安全隐患'));
    expect(document.getElementById('concern-emergency-notice')!.textContent).toContain('闻到燃气味请立即离开并拨打 119');
  });

  it('sends the same Idempotency-Key when retrying the same draft, then clears the draft', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    const sent = replies(['network-error', { status: 201, body: created }]);
    render(<NewConcernPage />);

    await submit();
    expect(await screen.findByText('网络连接失败，请检查网络后再试')).toBeTruthy();
    await submit();

    const sentPosts = posts(sent);
    expect(sentPosts).toHaveLength(2);
    const firstKey = sentPosts[0].header['idempotency-key'];
    expect(firstKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sentPosts[1].header['idempotency-key']).toBe(firstKey);
    expect(sentPosts[1].data).toEqual({ category: 'leak', text: '楼上漏水', photoIds: [], isPublic: false });
    // Similar concerns are looked up once, before the first attempt; a retry goes straight to the same request.
    expect(sent.filter((r) => routeOf(r) === 'GET /api/concerns/similar')).toHaveLength(1);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=42' }));
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('keeps the key across a page reload (key stored with the draft)', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    const sent = replies([{ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '服务繁忙', requestId: 'x' } }, { status: 201, body: created }]);
    const first = render(<NewConcernPage />);
    await submit();
    first.unmount();

    render(<NewConcernPage />);
    await submit();

    const sentPosts = posts(sent);
    expect(sentPosts).toHaveLength(2);
    expect(sentPosts[1].header['idempotency-key']).toBe(sentPosts[0].header['idempotency-key']);
  });

  it('uses a new key once the draft has been edited', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    const sent = replies(['network-error', { status: 201, body: created }]);
    render(<NewConcernPage />);

    await submit();
    fireEvent.change(textarea(), { target: { value: '楼上漏水，已经三天了' } });
    await submit();

    const sentPosts = posts(sent);
    expect(sentPosts).toHaveLength(2);
    expect(sentPosts[1].header['idempotency-key']).not.toBe(sentPosts[0].header['idempotency-key']);
  });

  it('shows the server message and offers the unit page when the resident has no unit', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    replies([{ status: 422, body: { code: 'UNIT_REQUIRED', message: '请先选择您居住的单元', requestId: 'r' } }]);
    render(<NewConcernPage />);

    await submit();

    expect(await screen.findByText('请先选择您居住的单元')).toBeTruthy();
    fireEvent.click(screen.getByText('去选择单元'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/unit/index' });
    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ text: '楼上漏水', idempotencyKey: null });
  });

  it('does not send anything without a category', async () => {
    const sent = replies([]);
    render(<NewConcernPage />);
    fireEvent.change(textarea(), { target: { value: '有事' } });

    await submit();

    expect(screen.getByText('请先选择问题类别')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST' || routeOf(r) === 'GET /api/concerns/similar')).toHaveLength(0);
  });

  it('asks where exactly before sending a concern about a public spot', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', place: { kind: 'public_spot', detail: '  ' }, idempotencyKey: null });
    const sent = replies([]);
    render(<NewConcernPage />);

    await submit();

    expect(screen.getByText('请写明是哪里，例如“3号楼北侧儿童乐园”')).toBeTruthy();
    expect(posts(sent)).toHaveLength(0);
  });

  it('lists the buildings of the resident’s community for “楼栋” and sends the chosen one', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    const sent = replies([{ status: 201, body: created }], (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/me') {
        return { status: 200, body: { id: 1, name: '张桂芳', role: 'resident', phoneMasked: null, scope: null, unit: { unitId: 3, label: 'x', communityId: 5, gridId: 2, confirmed: true } } };
      }
      if (route === 'GET /api/org/communities/5/buildings') {
        return { status: 200, body: { items: [{ id: 31, name: '1号楼', gridName: '第1网格' }, { id: 32, name: '2号楼', gridName: '第1网格' }] } };
      }
      return undefined;
    });
    render(<NewConcernPage />);

    await act(async () => {
      fireEvent.click(screen.getByText('楼栋'));
    });
    fireEvent.click(await screen.findByText('2号楼'));
    await submit();

    expect(posts(sent)[0].data).toMatchObject({ place: { kind: 'building', buildingId: 32 } });
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('blocks submission while a photo is uploading, then sends the uploaded photo’s id', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    let finishUpload: (res: { statusCode: number; data: string }) => void = () => undefined;
    taro.chooseMedia = jest.fn(async () => ({ tempFiles: [{ tempFilePath: 'wxfile://leak.jpg' }] }));
    taro.uploadFile = jest.fn(() => new Promise((resolve) => (finishUpload = resolve)));
    const sent = replies([{ status: 201, body: created }]);
    render(<NewConcernPage />);

    await act(async () => {
      fireEvent.click(screen.getByText('添加照片'));
    });
    expect(screen.getByText('上传中…')).toBeTruthy();
    await submit();

    expect(screen.getByText('照片还在上传，请等上传完成再提交')).toBeTruthy();
    expect(posts(sent)).toHaveLength(0);
    // The photo is not part of the saved draft until it is on the server.
    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ photos: [] });

    await act(async () => {
      finishUpload({ statusCode: 201, data: '{"id":55,"url":"/api/photos/55"}' });
    });
    expect(screen.queryByText('上传中…')).toBeNull();
    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ photos: [{ localPath: 'wxfile://leak.jpg', id: 55 }] });
    await submit();

    expect(posts(sent)).toHaveLength(1);
    expect(posts(sent)[0].data).toMatchObject({ photoIds: [55] });
  });

  it('does not send while a photo has failed to upload; retrying it uploads it again', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'leak', text: '楼上漏水', idempotencyKey: null });
    taro.chooseMedia = jest.fn(async () => ({ tempFiles: [{ tempFilePath: 'wxfile://a.jpg' }] }));
    taro.uploadFile = jest
      .fn()
      .mockRejectedValueOnce({ errMsg: 'uploadFile:fail' })
      .mockResolvedValueOnce({ statusCode: 201, data: '{"id":9,"url":"/api/photos/9"}' });
    const sent = replies([{ status: 201, body: created }]);
    render(<NewConcernPage />);

    await act(async () => {
      fireEvent.click(screen.getByText('添加照片'));
    });
    await submit();
    expect(screen.getByText(/有照片没有上传成功/)).toBeTruthy();
    expect(posts(sent)).toHaveLength(0);

    await act(async () => {
      fireEvent.click(screen.getByText('上传失败，点此重试'));
    });
    await submit();
    expect(posts(sent)[0].data).toMatchObject({ photoIds: [9] });
  });

  it('offers similar public concerns first: “我也遇到了” joins one instead of filing a duplicate', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'facilities', text: '路灯坏了', isPublic: true, idempotencyKey: null });
    const sent = replies([], (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/concerns/similar') return { status: 200, body: { items: [neighbours] } };
      if (route === 'POST /api/concerns/7/me-too') return { status: 200, body: { ...neighbours, timeline: [], actions: [] } };
      return undefined;
    });
    render(<NewConcernPage />);

    await submit();

    expect(sent.find((r) => routeOf(r) === 'GET /api/concerns/similar')!.url).toContain('category=facilities');
    expect(screen.getByText('2号楼东侧路灯不亮，晚上很黑')).toBeTruthy();
    expect(screen.getByText('仍要提交新问题')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('我也遇到了'));
    });

    expect(sent.map(routeOf)).toContain('POST /api/concerns/7/me-too');
    expect(posts(sent)).toHaveLength(0);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=7' }));
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('“仍要提交新问题” files the concern after all', async () => {
    Taro.setStorageSync(DRAFT_KEY, { category: 'facilities', text: '路灯坏了', idempotencyKey: null });
    const sent = replies([{ status: 201, body: created }], (req) =>
      routeOf(req) === 'GET /api/concerns/similar' ? { status: 200, body: { items: [neighbours] } } : undefined,
    );
    render(<NewConcernPage />);

    await submit();
    expect(posts(sent)).toHaveLength(0);
    await submit('仍要提交新问题');

    expect(posts(sent)).toHaveLength(1);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=42' }));
  });
});
