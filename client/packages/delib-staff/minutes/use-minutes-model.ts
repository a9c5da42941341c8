import { useResource } from '@/hooks/use-resource';
import { useIdParam } from '@/hooks/use-id-param';
import { useRoleGate } from '@/hooks/use-role-gate';
import { getAgenda, getAttendance, getSessionOutcome, getSession } from '@/services/deliberation-staff.api';
import { chinaToday } from '@/components/deliberation/china-time';
import { canRunDeliberation } from '../shared/access';
import { useMinutesDraft } from './use-minutes-draft';
import { useResolutions } from './use-resolutions';

/** After a session: the minutes (attendee count from check-in) and the resolutions tracked to done. */
export function useMinutesModel() {
  const sessionId = useIdParam('sessionId');
  const outcome = useResource(() => getSessionOutcome(sessionId!));
  const attendance = useResource(() => getAttendance(sessionId!));
  const agenda = useResource(() => getAgenda(sessionId!));
  const session = useResource(() => getSession(sessionId!));
  const today = chinaToday();
  const draft = useMinutesDraft(sessionId, outcome.data, outcome.reload);
  const resolutions = useResolutions(sessionId, today, outcome.reload);

  const gate = useRoleGate(canRunDeliberation, async () => {
    if (sessionId) await Promise.all([outcome.reload(), attendance.reload(), agenda.reload(), session.reload()]);
  });

  const minutes = outcome.data?.minutes ?? null;
  const s = session.data;
  /** Minutes and resolutions are recorded once the session has started, never for a cancelled one. */
  const notice = !s ? null : s.status === 'cancelled' ? '这场议事已经取消，不能记录纪要和决议。' : Date.parse(s.startsAt) > Date.now() ? '议事开始后才能记录纪要和决议。' : null;
  const counts = attendance.data?.counts ?? null;
  return {
    gate,
    sessionId,
    session: session.data,
    outcome,
    agendaItems: agenda.data?.items ?? [],
    today,
    /** Checked in at the pavilion; live from check-in. */
    attendees: minutes ? { present: minutes.attendeeCount, confirmed: minutes.confirmedCount } : counts ? { present: counts.present, confirmed: counts.confirmed } : null,
    minutes,
    notice,
    canRecord: !!s && notice === null,
    draft,
    resolutions,
  };
}

export type MinutesModel = ReturnType<typeof useMinutesModel>;
