import { useRef, useState } from 'react';
import type { Attendee } from '@contracts/timebank.contract';
import { useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { checkInAttendee, checkOutAttendee, listAttendees } from '@/services/timebank.api';

/** The attendee list of the one activity opened on the screen, with 签到 / 签退. */
export function useAttendees() {
  const [openId, setOpenId] = useState<number | null>(null);
  const idRef = useRef<number | null>(null);
  const list = useResource(() => listAttendees(idRef.current!));
  const action = useAction<string>();

  const toggle = (id: number) => {
    const next = openId === id ? null : id;
    idRef.current = next;
    setOpenId(next);
    list.setData(null);
    if (next) void list.reload();
  };

  const put = (a: Attendee) => list.setData((prev) => (prev ?? []).map((x) => (x.userId === a.userId ? a : x)));
  const mark = (what: 'in' | 'out', a: Attendee) => {
    const id = idRef.current;
    if (!id) return;
    void action.run(`${what}-${a.userId}`, async () => put(await (what === 'in' ? checkInAttendee : checkOutAttendee)(id, a.userId)));
  };

  return {
    openId,
    toggle,
    list,
    reload: () => list.reload(),
    busy: action.busy,
    error: action.error,
    checkIn: (a: Attendee) => mark('in', a),
    checkOut: (a: Attendee) => mark('out', a),
  };
}

export type AttendeesModel = ReturnType<typeof useAttendees>;
