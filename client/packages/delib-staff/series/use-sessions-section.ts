import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { SessionItem } from '@contracts/deliberation.contract';
import { chinaHm, chinaInstant, chinaToday, chinaYmd, isFuture } from '@/components/deliberation/china-time';
import { useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { cancelSession, listPastSessions, listSessions, moveSession } from '@/services/deliberation-staff.api';
import { delibStaffAgendaUrl, delibStaffCheckinUrl, delibStaffMinutesUrl, delibStaffVoteUrl } from '@/services/routes';

const CANCEL_REASON_MAX = 200;
const PLACE_MAX = 100;

interface ChangeForm {
  kind: 'cancel' | 'move';
  sessionId: number;
  reason: string;
  day: string;
  time: string;
  place: string;
}

function cancelProblem(reason: string): string | null {
  if (!reason.trim()) return '请写明取消的原因，报名的居民会收到这条通知';
  return null;
}

function moveProblem(f: { day: string; time: string; place: string }, now = new Date()): string | null {
  if (!f.day) return '请选择新的日期';
  if (!f.time) return '请选择新的开始时间';
  if (!isFuture(f.day, f.time, now)) return '新的时间必须在现在之后';
  if (!f.place.trim()) return '请填写地点';
  return null;
}

/** Whether staff may still cancel or move a session (not cancelled, not started). */
export const changeable = (s: SessionItem, now = Date.now()) => s.status === 'scheduled' && Date.parse(s.startsAt) > now;

/**
 * The hub's sessions: upcoming ones with seats and waiting counts, cancel (with a reason) and move
 * (new day, time, place); and the sessions that have ended, newest first, to reach their minutes.
 */
export function useSessionsSection() {
  const sessions = useResource(listSessions);
  const held = useResource(() => listPastSessions());
  const [form, setForm] = useState<ChangeForm | null>(null);
  const action = useAction();

  const open = (kind: ChangeForm['kind'], s: SessionItem) => {
    action.setError(null);
    setForm({ kind, sessionId: s.id, reason: '', day: chinaYmd(s.startsAt), time: chinaHm(s.startsAt), place: s.place });
  };
  const edit = (patch: Partial<ChangeForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  const submit = async () => {
    if (!form) return;
    const problem = form.kind === 'cancel' ? cancelProblem(form.reason) : moveProblem(form);
    if (problem) {
      action.setError(problem);
      return;
    }
    const current = sessions.data?.find((s) => s.id === form.sessionId);
    const ok = await action.run(
      `${form.kind}-${form.sessionId}`,
      () =>
        form.kind === 'cancel'
          ? cancelSession(form.sessionId, { reason: form.reason.trim() })
          : moveSession(form.sessionId, {
              startsAt: chinaInstant(form.day, form.time),
              ...(current && form.place.trim() === current.place ? {} : { place: form.place.trim() }),
            }),
      form.kind === 'cancel' ? '已取消并通知' : '已改期并通知',
    );
    if (ok) {
      setForm(null);
      await sessions.reload();
    }
  };

  const go = (url: string) => void Taro.navigateTo({ url });
  return {
    sessions,
    held,
    form,
    today: chinaToday(),
    busy: action.busy,
    error: action.error,
    openCancel: (s: SessionItem) => open('cancel', s),
    openMove: (s: SessionItem) => open('move', s),
    closeForm: () => {
      setForm(null);
      action.setError(null);
    },
    setReason: (reason: string) => edit({ reason: reason.slice(0, CANCEL_REASON_MAX) }),
    setDay: (day: string) => edit({ day }),
    setTime: (time: string) => edit({ time }),
    setPlace: (place: string) => edit({ place: place.slice(0, PLACE_MAX) }),
    submit: () => void submit(),
    changeable: (s: SessionItem) => changeable(s),
    goAgenda: (id: number) => go(delibStaffAgendaUrl(id)),
    goCheckin: (id: number) => go(delibStaffCheckinUrl(id)),
    goVote: (id: number) => go(delibStaffVoteUrl(id)),
    goMinutes: (id: number) => go(delibStaffMinutesUrl(id)),
  };
}

export type SessionsSection = ReturnType<typeof useSessionsSection>;
