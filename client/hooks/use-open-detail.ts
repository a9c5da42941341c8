import { useRef, useState } from 'react';
import { useResource } from './use-resource';

/**
 * The details of the one item opened on a list (an activity's attendees or roster, a volunteer's history, a team's
 * members), loaded when it opens: toggle(id) opens that item (a fresh load, nothing of the previous one shown) or
 * closes it when it is the one open. The data, loading, error and reload are useResource's.
 */
export function useOpenDetail<T>(load: (id: number) => Promise<T>) {
  const [openId, setOpenId] = useState<number | null>(null);
  const idRef = useRef<number | null>(null);
  const resource = useResource(() => load(idRef.current!));

  const toggle = (id: number) => {
    const next = openId === id ? null : id;
    idRef.current = next;
    setOpenId(next);
    resource.setData(null);
    if (next) void resource.reload();
  };

  return {
    ...resource,
    openId,
    toggle,
    close: () => {
      idRef.current = null;
      setOpenId(null);
    },
    /** The item open now, also inside a handler that awaited something (openId is the one of the last render). */
    openNow: () => idRef.current,
  };
}
