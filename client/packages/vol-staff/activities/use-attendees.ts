import type { Attendee } from '@contracts/timebank.contract';
import { useAction } from '@/hooks/use-action';
import { useOpenDetail } from '@/hooks/use-open-detail';
import { checkInAttendee, checkOutAttendee, listAttendees } from '@/services/timebank.api';

/** The attendee list of the one activity opened on the screen, with 签到 / 签退. */
export function useAttendees() {
  const list = useOpenDetail(listAttendees);
  const action = useAction<string>();

  const put = (a: Attendee) => list.setData((prev) => (prev ?? []).map((x) => (x.userId === a.userId ? a : x)));
  const mark = (what: 'in' | 'out', a: Attendee) => {
    const id = list.openNow();
    if (!id) return;
    void action.run(`${what}-${a.userId}`, async () => put(await (what === 'in' ? checkInAttendee : checkOutAttendee)(id, a.userId)));
  };

  return {
    openId: list.openId,
    toggle: list.toggle,
    list,
    reload: () => list.reload(),
    busy: action.busy,
    error: action.error,
    checkIn: (a: Attendee) => mark('in', a),
    checkOut: (a: Attendee) => mark('out', a),
  };
}

export type AttendeesModel = ReturnType<typeof useAttendees>;
