import Taro from '@tarojs/taro';
import type { RegistrationItem, SessionItem } from '@contracts/deliberation.contract';
import type { AgendaItem, AgendaResponse, TopicDetail } from '@contracts/deliberation-topics.contract';
import type { VoteItem } from '@contracts/deliberation-votes.contract';
import type { ResolutionDetail, ResolutionItem } from '@contracts/deliberation-outcomes.contract';
import * as shared from './deliberation.fixtures';
import { inHours } from './deliberation.fixtures';
import { resetTaro, setToken } from './helpers';
import { __mock } from './mocks/taro';

// The resident screens' values on top of the shared builders in deliberation.fixtures.ts, plus resident-only builders.

export { inHours, outcome } from './deliberation.fixtures';

export function registration(overrides: Partial<RegistrationItem> = {}): RegistrationItem {
  return {
    id: 50,
    sessionId: 7,
    status: 'confirmed',
    seatKind: 'open',
    waitlistNo: null,
    waitlistPosition: null,
    checkInCode: 'K7Q2M9XA',
    checkedInAt: null,
    ...overrides,
  };
}

export function session(overrides: Partial<SessionItem> = {}): SessionItem {
  return shared.session({ name: '周五凉亭议事', place: '小区凉亭', ...overrides });
}

export function agendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return shared.agendaItem({
    topicId: 12,
    whereText: '小区中心花园',
    whatText: '遛狗不牵绳，粪便不清理',
    who: { parties: ['representatives', 'property_company'], partyTexts: ['居民代表', '物业公司'], others: '养犬居民' },
    howText: '先讨论，再表决',
    topicStatus: 'on_agenda',
    topicSupportCount: 6,
    ...overrides,
  });
}

export function agenda(items: AgendaItem[] = [agendaItem()], sessionId = 7): AgendaResponse {
  return shared.agenda(items, { sessionId });
}

export function vote(overrides: Partial<VoteItem> = {}): VoteItem {
  return shared.vote({
    id: 90,
    question: '遛狗怎么管？',
    options: [
      { id: 901, label: '任何时候都牵绳', position: 1 },
      { id: 902, label: '固定遛狗时间', position: 2 },
      { id: 903, label: '划定遛狗区域', position: 3 },
    ],
    ...overrides,
  });
}

export function topic(overrides: Partial<TopicDetail> = {}): TopicDetail {
  return {
    id: 12,
    title: '文明养犬',
    category: 'pets',
    categoryText: '宠物',
    status: 'proposed',
    statusText: '征集支持中',
    supportCount: 3,
    threshold: 5,
    supportedByMe: false,
    mine: false,
    proposerName: '张阿姨',
    createdAt: inHours(-72),
    agenda: null,
    sharePath: '/packages/deliberation/topic/index?id=12',
    problem: '遛狗不牵绳，吓到孩子',
    hope: '定个养犬公约',
    linkedConcerns: [],
    mergedInto: null,
    mergedFrom: [],
    declineReason: null,
    autoPlace: true,
    statusChangedAt: inHours(-72),
    ...overrides,
  };
}

export function resolution(overrides: Partial<ResolutionItem> = {}): ResolutionItem {
  return shared.resolution({
    id: 70,
    topicId: 12,
    topicTitle: '文明养犬',
    text: '遛狗必须牵绳',
    dueDate: '2026-12-05',
    status: 'in_progress',
    updatedAt: inHours(-100),
    ...overrides,
  });
}

export function resolutionDetail(overrides: Partial<ResolutionDetail> = {}): ResolutionDetail {
  const history: ResolutionDetail['history'] = [
    { id: 1, kind: 'created', fromStatus: null, toStatus: 'planned', note: null, by: { id: 9, name: '解娜' }, at: inHours(-190) },
    { id: 2, kind: 'status', fromStatus: 'planned', toStatus: 'in_progress', note: '物业已张贴告示', by: { id: 9, name: '解娜' }, at: inHours(-100) },
  ];
  return shared.resolutionDetail(resolution(), history, overrides);
}

// ---- Taro APIs the shared mock does not have ----

type ShareCallback = () => { title?: string; path?: string };

export interface TaroExtras {
  showModal: jest.Mock;
  setClipboardData: jest.Mock;
  addPhoneCalendar: jest.Mock;
  useShareAppMessage: jest.Mock;
  /** The latest callback a page gave to useShareAppMessage. */
  shareCard: () => ReturnType<ShareCallback> | undefined;
}

const EXTRA_NAMES = ['showModal', 'setClipboardData', 'addPhoneCalendar', 'useShareAppMessage'] as const;
const taro = Taro as unknown as Record<string, unknown>;

/** Adds confirm dialogs (answering `confirm`), clipboard, phone calendar and the share hook to the Taro mock. */
export function installTaroExtras(confirm = true): TaroExtras {
  let share: ShareCallback | undefined;
  const extras = {
    showModal: jest.fn(async () => ({ confirm, cancel: !confirm })),
    setClipboardData: jest.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
    addPhoneCalendar: jest.fn(async () => ({ errMsg: 'addPhoneCalendar:ok' })),
    useShareAppMessage: jest.fn((callback: ShareCallback) => {
      share = callback;
    }),
  };
  Object.assign(taro, extras);
  return { ...extras, shareCard: () => share?.() };
}

export function removeTaroExtras(): void {
  for (const name of EXTRA_NAMES) delete taro[name];
}

/**
 * The setup of a describe block of resident screens: before each test a clean Taro mock, a signed-in token, the
 * page's router params and the extra Taro APIs; after it, those removed and TARO_ENV as it was (some tests switch
 * to the browser build). Returns the extras of the running test (one object, refilled before each test).
 */
export function residentScreenSetup(routerParams?: Record<string, string>): TaroExtras {
  const extras = {} as TaroExtras;
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    resetTaro();
    setToken();
    if (routerParams) __mock.setRouterParams(routerParams);
    Object.assign(extras, installTaroExtras());
  });
  afterEach(() => {
    removeTaroExtras();
    if (env === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV');
    else process.env.TARO_ENV = env;
  });
  return extras;
}
