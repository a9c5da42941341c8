import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { DiaryPerson, DiaryResponse } from '@contracts/diary.contract';
import type { Role } from '@contracts/roles';
import { useMe } from '@/hooks/use-me';
import { addDiaryNote, getDiary, listDiaryStaff } from '@/services/diary.api';
import { errorMessage } from '@/services/request';
import { concernDetailUrl } from '@/services/routes';

/** Mirrors the server: GET /api/diary/staff is for community staff and the street. */
const STAFF_PICKER_ROLES: readonly Role[] = ['community_staff', 'street_admin'];
/** Mirrors contracts/diary.contract.ts DIARY_NOTE_MAX (that file carries zod, which stays out of the mini-program). */
export const DIARY_NOTE_MAX = 1000;

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The day `n` days after (negative: before) a 'YYYY-MM-DD' day. */
export function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** "09:05" in China time (UTC+8), whatever the phone's time zone. */
export function chinaTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}

/** "2026-11-23（今天）", "2026-11-22（昨天）", or the day alone. */
export function dayLabel(day: string, today: string): string {
  if (day === today) return `${day}（今天）`;
  if (day === shiftDay(today, -1)) return `${day}（昨天）`;
  return day;
}

export function useDiaryModel() {
  const [diary, setDiary] = useState<DiaryResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [staff, setStaff] = useState<DiaryPerson[]>([]);
  const [noteText, setNoteText] = useState('');
  const [saving, setSaving] = useState(false);
  const [noteError, setNoteError] = useState<string | null>(null);
  const generation = useRef(0);
  // What is shown (null: today / myself, as the server decides); kept in a ref for page-show reloads.
  const shown = useRef<{ day: string | null; userId: number | null }>({ day: null, userId: null });

  const load = useCallback(async (day: string | null, userId: number | null) => {
    const gen = ++generation.current;
    shown.current = { day, userId };
    setLoading(true);
    setError(null);
    try {
      const next = await getDiary(day, userId);
      if (gen === generation.current) setDiary(next);
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(() => load(shown.current.day, shown.current.userId), [load]);
  const { me } = useMe(reload);
  const mayPickStaff = !!me && STAFF_PICKER_ROLES.includes(me.role);

  useEffect(() => {
    if (!mayPickStaff) return;
    listDiaryStaff()
      .then((r) => setStaff(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [mayPickStaff]);

  const isMine = !!diary && !!me && diary.user.id === me.id;
  const isToday = !!diary && diary.day === diary.today;

  /** 前一天 / 后一天 of the diary shown; never past today. */
  const goDay = (delta: number) => {
    if (!diary || (delta > 0 && diary.day >= diary.today)) return;
    void load(shiftDay(diary.day, delta), shown.current.userId);
  };

  const addNote = async () => {
    const text = noteText.trim();
    if (!text) {
      setNoteError('请先写下要记的事');
      return;
    }
    setSaving(true);
    setNoteError(null);
    try {
      const note = await addDiaryNote(text);
      setNoteText('');
      setDiary((d) => (d ? { ...d, notes: [...d.notes, note] } : d));
      void Taro.showToast({ title: '已记下', icon: 'success' });
    } catch (e) {
      setNoteError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return {
    diary,
    loading,
    error,
    reload,
    staff,
    mayPickStaff,
    selectedUserId: diary?.user.id ?? null,
    isMine,
    dayText: diary ? dayLabel(diary.day, diary.today) : '',
    canGoNext: !!diary && diary.day < diary.today,
    canAddNote: isMine && isToday,
    previousDay: () => goDay(-1),
    nextDay: () => goDay(1),
    chooseStaff: (userId: number) => void load(diary?.day ?? null, userId),
    noteText,
    setNoteText,
    noteMax: DIARY_NOTE_MAX,
    addNote,
    saving,
    noteError,
    openConcern: (id: number) => void Taro.navigateTo({ url: concernDetailUrl(id) }),
  };
}
