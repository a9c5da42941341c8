import { useState } from 'react';
import type { RepresentativeItem, SessionItem } from '@contracts/deliberation.contract';
import type { ProxyCandidate } from '@contracts/deliberation-votes.contract';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { addRepresentative, listProxyCandidates, listRepresentatives, removeRepresentative } from '@/services/deliberation-staff.api';

/**
 * 居民代表 of the community: list, remove, and add by finding a resident by name. The resident search
 * is the community's resident list the server gives staff for a session (GET …/proxy-candidates), so
 * it needs one scheduled session.
 */
export function useRepresentativesSection(sessions: SessionItem[] | null) {
  const reps = useResource(listRepresentatives);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ProxyCandidate[] | null>(null);
  const action = useAction();
  const searchSession = sessions?.find((s) => s.status === 'scheduled') ?? null;

  const search = async () => {
    if (!searchSession) return;
    await action.run('search', async () => setFound((await listProxyCandidates(searchSession.id, query)).items));
  };

  const add = (c: ProxyCandidate) =>
    void action.run(`add-${c.userId}`, async () => reps.setData(await addRepresentative(c.userId)), '已设为居民代表');

  const remove = async (r: RepresentativeItem) => {
    if (!(await confirmAction('移除居民代表', `确定不再让 ${r.name} 担任居民代表吗？已报名的场次不受影响。`, '移除'))) return;
    await action.run(`remove-${r.userId}`, async () => reps.setData(await removeRepresentative(r.userId)), '已移除');
  };

  const repIds = new Set((reps.data ?? []).map((r) => r.userId));
  return {
    reps,
    query,
    setQuery: (q: string) => setQuery(q.slice(0, 30)),
    canSearch: !!searchSession,
    /** Sessions are loaded and none is scheduled: there is no resident list to search yet. */
    noSession: sessions !== null && !searchSession,
    searching: action.busy === 'search',
    found: found?.filter((c) => !repIds.has(c.userId)) ?? null,
    busy: action.busy,
    error: action.error,
    search: () => void search(),
    add,
    remove: (r: RepresentativeItem) => void remove(r),
  };
}

export type RepresentativesSection = ReturnType<typeof useRepresentativesSection>;
