import type { CreateActivityRequest } from '@contracts/timebank.contract';
import { chinaInstant, isFuture } from '@/components/deliberation/china-time';

// The 发起活动 form, shared by community staff (packages/vol-staff/activities) and team leaders (packages/volunteers/activities).

export interface ActivityDraft {
  title: string;
  place: string;
  day: string;
  start: string;
  end: string;
  slots: string;
  creditMinutes: string;
  description: string;
}

export const EMPTY_DRAFT: ActivityDraft = { title: '', place: '', day: '', start: '', end: '', slots: '', creditMinutes: '', description: '' };

const intIn = (text: string, min: number, max: number): number | null => {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : null;
};

export interface ActivityFormOptions {
  /** The team it is for (a leader's activity); null for a community activity. */
  teamId?: number | null;
  /** A leader's form has no hours field: each attendee is credited the activity's length (the server's default). */
  creditFromLength?: boolean;
  /** 来自议事决议: the 议事亭 resolution the activity carries out. */
  resolutionId?: number | null;
}

/** The request for a valid draft, or the first thing to fix, in plain words. */
export function activityRequest(d: ActivityDraft, opts: ActivityFormOptions = {}): { body: CreateActivityRequest } | { error: string } {
  if (d.title.trim().length < 2) return { error: '请填写活动名称，至少 2 个字' };
  if (!d.place.trim()) return { error: '请填写活动地点' };
  if (!d.day) return { error: '请选择活动日期' };
  if (!d.start || !d.end) return { error: '请选择开始和结束时间' };
  if (d.end <= d.start) return { error: '结束时间要晚于开始时间' };
  if (!isFuture(d.day, d.start)) return { error: '开始时间已经过了，请另选时间' };
  const slots = intIn(d.slots, 1, 500);
  if (slots === null) return { error: '名额请填 1 到 500 之间的整数' };
  const credit = opts.creditFromLength ? null : intIn(d.creditMinutes, 15, 720);
  if (!opts.creditFromLength && credit === null) return { error: '每人记入时长请填 15 到 720 之间的整数（分钟）' };
  return {
    body: {
      title: d.title.trim(),
      place: d.place.trim(),
      description: d.description.trim(),
      startsAt: chinaInstant(d.day, d.start),
      endsAt: chinaInstant(d.day, d.end),
      slots,
      ...(credit === null ? {} : { creditMinutes: credit }),
      teamId: opts.teamId ?? null,
      ...(opts.resolutionId ? { resolutionId: opts.resolutionId } : {}),
    },
  };
}
