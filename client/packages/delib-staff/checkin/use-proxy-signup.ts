import { useState } from 'react';
import type { ProxyCandidate, ProxyRegistrationResponse } from '@contracts/deliberation-votes.contract';
import { useAction } from '@/hooks/use-action';
import { listProxyCandidates, registerForResident } from '@/services/deliberation-staff.api';

/** Residents without a phone first (they are the ones a grid worker registers), otherwise as the server lists them. */
const noPhoneFirst = (list: ProxyCandidate[]) =>
  [...list].sort((a, b) => Number(a.phoneMasked !== null) - Number(b.phoneMasked !== null));

/**
 * 代报名: a grid worker (or community staff) finds a resident who has no phone, registers them and
 * checks them in at once (tagged 代办 in the attendance).
 */
export function useProxySignup(sessionId: number | null, onRegistered: (r: ProxyRegistrationResponse) => Promise<void>) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<ProxyCandidate[] | null>(null);
  const action = useAction();

  const search = async (q: string) => {
    if (!sessionId) return;
    await action.run('search', async () => setCandidates(noPhoneFirst((await listProxyCandidates(sessionId, q)).items)));
  };

  const register = async (c: ProxyCandidate) => {
    if (!sessionId) return;
    await action.run(`register-${c.userId}`, async () => {
      const r = await registerForResident(sessionId, c.userId);
      const status = r.attendee.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
      setCandidates((prev) =>
        (prev ?? []).map((x) => (x.userId === c.userId ? { ...x, registration: { status, checkedInAt: r.attendee.checkedInAt } } : x)),
      );
      await onRegistered(r);
    });
  };

  return {
    open,
    toggle: () => {
      const next = !open;
      setOpen(next);
      if (next && candidates === null) void search('');
    },
    query,
    setQuery: (q: string) => setQuery(q.slice(0, 30)),
    candidates,
    searching: action.busy === 'search',
    busy: action.busy,
    error: action.error,
    search: () => void search(query),
    register: (c: ProxyCandidate) => void register(c),
  };
}

export type ProxySignup = ReturnType<typeof useProxySignup>;
