import { useState } from 'react';
import type { AuditAction, AuditEntry } from '@contracts/audit.contract';
import { useAction } from '@/hooks/use-action';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canReadAuditLog } from '@/services/permissions';
import { getAuditLog } from '@/services/staff.api';

/** 审计日志: the street's entries, newest first, 50 at a time, optionally of one kind. */
export function useAuditModel() {
  const [filter, setFilter] = useState<AuditAction | 'all'>('all');
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const action = useAction<'load' | 'more'>();

  const load = async (f: AuditAction | 'all') => {
    setItems(null);
    await action.run('load', async () => {
      const page = await getAuditLog(f === 'all' ? null : f, null);
      setItems(page.items);
      setNext(page.nextBefore);
    });
  };
  const gate = useRoleGate(canReadAuditLog, () => load(filter));

  const choose = (f: AuditAction | 'all') => {
    setFilter(f);
    void load(f);
  };

  const more = async () => {
    if (next === null) return;
    await action.run('more', async () => {
      const page = await getAuditLog(filter === 'all' ? null : filter, next);
      setItems((prev) => [...(prev ?? []), ...page.items]);
      setNext(page.nextBefore);
    });
  };

  return { gate, filter, choose, items, hasMore: next !== null, more, retry: () => void load(filter), busy: action.busy, error: action.error };
}
