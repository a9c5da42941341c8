import { useState } from 'react';
import type { ActivityResolutionRef } from '@contracts/timebank.contract';
import { useIdParam } from '@/hooks/use-id-param';
import { useResource } from '@/hooks/use-resource';
import { getResolution } from '@/services/deliberation.api';

/**
 * 发起志愿活动 from a 议事亭 resolution: the screen opened with `?resolutionId=` reads that resolution, so the form
 * can say where the activity comes from and be filled from it, and the new activity is linked to it. Once that activity
 * is published the link is used up: the next one starts plain.
 */
export function useFromResolution() {
  const id = useIdParam('resolutionId');
  const source = useResource(() => getResolution(id!));
  const [used, setUsed] = useState(false);
  const r = source.data;
  const resolution: ActivityResolutionRef | null = !used && id !== null && r && r.id === id ? { id: r.id, title: r.text } : null;
  return {
    /** The resolution the next activity carries out, once read. */
    resolution,
    /** Reading it failed (e.g. not of this community): the server's message. */
    error: used ? null : source.error,
    load: async () => {
      if (id !== null && !used) await source.reload();
    },
    used: () => setUsed(true),
  };
}

export type FromResolution = ReturnType<typeof useFromResolution>;
