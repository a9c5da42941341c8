import { useState } from 'react';
import type { CreateSeriesRequest, SeriesItem, SeriesUpdateResult } from '@contracts/deliberation.contract';
import { weeklyText } from '@/components/deliberation/china-time';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { createSeries, endSeries, listSeries, updateSeries } from '@/services/deliberation-staff.api';

interface SeriesFields {
  name: string;
  place: string;
  weekday: number | null;
  time: string;
  durationMinutes: string;
  seats: string;
  reservedSeats: string;
  opensDaysBefore: string;
  closesHoursBefore: string;
}

const EMPTY_SERIES: SeriesFields = {
  name: '',
  place: '',
  weekday: null,
  time: '',
  durationMinutes: '90',
  seats: '',
  reservedSeats: '0',
  opensDaysBefore: '3',
  closesHoursBefore: '2',
};

const int = (s: string): number => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
const within = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** The first thing wrong with the form, in plain words (the same limits as the server's), or the request. */
function seriesRequest(f: SeriesFields): { problem: string } | { body: CreateSeriesRequest } {
  const name = f.name.trim();
  const place = f.place.trim();
  const [duration, seats, reserved, opens, closes] = [f.durationMinutes, f.seats, f.reservedSeats, f.opensDaysBefore, f.closesHoursBefore].map(int);
  if (!name) return { problem: '请填写名称，例如：议事亭' };
  if (name.length > 50) return { problem: '名称最多 50 字' };
  if (!place) return { problem: '请填写地点，例如：小区凉亭' };
  if (place.length > 100) return { problem: '地点最多 100 字' };
  if (f.weekday === null) return { problem: '请选择每周星期几' };
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(f.time)) return { problem: '请选择开始时间' };
  if (!within(duration, 15, 480)) return { problem: '时长请填 15 到 480 之间的整数（分钟）' };
  if (!within(seats, 1, 1000)) return { problem: '座位数请填 1 到 1000 之间的整数' };
  if (!within(reserved, 0, seats)) return { problem: '居民代表预留座位请填 0 到座位数之间的整数' };
  if (!within(opens, 0, 30)) return { problem: '开放报名请填 0 到 30 之间的整数（天）' };
  if (!within(closes, 0, 72)) return { problem: '截止报名请填 0 到 72 之间的整数（小时）' };
  return {
    body: {
      name, place, weekday: f.weekday, time: f.time, durationMinutes: duration, seats,
      reservedSeats: reserved, opensDaysBefore: opens, closesHoursBefore: closes,
    },
  };
}

const toFields = (s: SeriesItem): SeriesFields => ({
  name: s.name, place: s.place, weekday: s.weekday, time: s.time, durationMinutes: String(s.durationMinutes), seats: String(s.seats),
  reservedSeats: String(s.reservedSeats), opensDaysBefore: String(s.opensDaysBefore), closesHoursBefore: String(s.closesHoursBefore),
});

/** "已修改。2 场已按新设置调整；1 场已有人报名，保持原来的时间。" */
function updateText(r: SeriesUpdateResult): string {
  const kept = r.sessionsKept > 0 ? `；${r.sessionsKept} 场已有人报名，保持原来的日期（需要时请逐场改期）` : '';
  return `已修改。${r.sessionsUpdated} 场还没人报名的议事已按新设置调整${kept}。`;
}

/** The community's recurring series (e.g. 每周五 17:00 议事亭): create, change, stop. */
export function useSeriesSection(onChanged: () => Promise<void>) {
  const series = useResource(listSeries);
  const [fields, setFields] = useState<SeriesFields>(EMPTY_SERIES);
  /** null: closed; 'new': creating; a number: changing that series. */
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const action = useAction();

  const save = async () => {
    const checked = seriesRequest(fields);
    if ('problem' in checked) {
      action.setError(checked.problem);
      return;
    }
    const target = editing;
    const ok = await action.run('save', async () => {
      if (target === 'new') {
        const created = await createSeries(checked.body);
        series.setData((prev) => [...(prev ?? []), created]);
        setResult(null);
      } else if (typeof target === 'number') {
        const r = await updateSeries(target, checked.body);
        series.setData((prev) => (prev ?? []).map((x) => (x.id === target ? r.series : x)));
        setResult(updateText(r));
      }
    }, target === 'new' ? '已建立' : '已修改');
    if (ok) {
      setFields(EMPTY_SERIES);
      setEditing(null);
      await onChanged();
    }
  };

  const end = async (s: SeriesItem) => {
    if (!(await confirmAction('停止每周议事', `停止“${s.name}”（${weeklyText(s.weekday, s.time)}）后不再排新的场次；已排好的场次还在，需要时请逐场取消。`, '停止'))) return;
    const ok = await action.run(`end-${s.id}`, async () => {
      await endSeries(s.id);
      series.setData((prev) => (prev ?? []).filter((x) => x.id !== s.id));
    }, '已停止');
    if (ok) await onChanged();
  };

  const open = (target: 'new' | SeriesItem) => {
    action.setError(null);
    setResult(null);
    setEditing(target === 'new' ? 'new' : target.id);
    setFields(target === 'new' ? EMPTY_SERIES : toFields(target));
  };

  const digits = (key: keyof SeriesFields, max: number) => (v: string) => setFields((f) => ({ ...f, [key]: v.replace(/\D/g, '').slice(0, max) }));
  return {
    series,
    fields,
    editing,
    result,
    openNew: () => open('new'),
    openEdit: (s: SeriesItem) => open(s),
    closeForm: () => {
      action.setError(null);
      setEditing(null);
    },
    saving: action.busy === 'save',
    busy: action.busy,
    error: action.error,
    setName: (name: string) => setFields((f) => ({ ...f, name: name.slice(0, 50) })),
    setPlace: (place: string) => setFields((f) => ({ ...f, place: place.slice(0, 100) })),
    setWeekday: (weekday: number) => setFields((f) => ({ ...f, weekday })),
    setTime: (time: string) => setFields((f) => ({ ...f, time })),
    setDuration: digits('durationMinutes', 3),
    setSeats: digits('seats', 4),
    setReserved: digits('reservedSeats', 4),
    setOpens: digits('opensDaysBefore', 2),
    setCloses: digits('closesHoursBefore', 2),
    save: () => void save(),
    end: (s: SeriesItem) => void end(s),
  };
}

export type SeriesSection = ReturnType<typeof useSeriesSection>;
