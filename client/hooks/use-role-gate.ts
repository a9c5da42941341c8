import { useEffect, useRef } from 'react';
import type { Role } from '@contracts/roles';
import type { MeResponse } from '@contracts/users.contract';
import { useMe } from '@/hooks/use-me';

/**
 * Loads the signed-in user on every page show, then — only for a role that may use the screen — the
 * screen's data. Other roles never send a request that can only fail; they see a plain line.
 */
export function useRoleGate(allowed: (role: Role | undefined) => boolean, load: (me: MeResponse) => Promise<unknown>) {
  const { me, error, reload } = useMe();
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (me && allowed(me.role)) void loadRef.current(me);
  }, [me, allowed]);
  return {
    me,
    role: me?.role,
    meError: error,
    retryMe: () => void reload(),
    ready: !!me && allowed(me.role),
    denied: !!me && !allowed(me.role),
  };
}
