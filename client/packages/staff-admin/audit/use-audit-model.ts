import { useCallback, useEffect, useState } from 'react';
import type { AuditAction } from '@contracts/audit.contract';
import { usePagedList } from '@/hooks/use-paged-list';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canReadAuditLog } from '@/services/permissions';
import { getAuditLog } from '@/services/staff.api';

/** 审计日志: the street's entries, newest first, 50 at a time, optionally of one kind. */
export function useAuditModel() {
  const [filter, setFilter] = useState<AuditAction | 'all'>('all');
  // The log pages by the last entry's id (`before`); usePagedList keeps a page of an older filter from landing in the list.
  const fetchPage = useCallback(async (cursor: string | null) => {
    const page = await getAuditLog(filter === 'all' ? null : filter, cursor === null ? null : Number(cursor));
    return { items: page.items, nextCursor: page.nextBefore === null ? null : String(page.nextBefore) };
  }, [filter]);
  const list = usePagedList(fetchPage);
  const gate = useRoleGate(canReadAuditLog, list.reload);
  // Another filter: the first page again (the gate loads the very first one; this runs only when the filter changes).
  const { reload } = list;
  useEffect(() => {
    if (gate.ready) void reload();
  }, [reload]);

  return {
    gate, filter, choose: setFilter,
    items: list.loaded ? list.items : null,
    hasMore: list.hasMore, more: () => void list.loadMore(), retry: () => void reload(), loading: list.loading, error: list.error,
  };
}
