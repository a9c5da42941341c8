import type { AgendaItem } from '@contracts/deliberation-topics.contract';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { useIdParam } from '@/hooks/use-id-param';
import { useRoleGate } from '@/hooks/use-role-gate';
import { getAgenda, getSession, removeAgendaItem, reorderAgenda } from '@/services/deliberation-staff.api';
import { canRunDeliberation } from '../shared/access';
import { useAgendaForm } from './use-agenda-form';

/** The item ids with one item moved one place up (-1) or down (+1). */
export function moved(ids: number[], id: number, delta: -1 | 1): number[] {
  const i = ids.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ids.length) return ids;
  const next = [...ids];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** The agenda builder of one session: items in the five-step form; add, edit, reorder, remove. */
export function useAgendaModel() {
  const sessionId = useIdParam('sessionId');
  const agenda = useResource(() => getAgenda(sessionId!));
  const session = useResource(() => getSession(sessionId!));
  const action = useAction();
  const form = useAgendaForm(sessionId, session.data?.place ?? '', agenda.reload);

  const gate = useRoleGate(canRunDeliberation, async () => {
    if (sessionId) await Promise.all([agenda.reload(), session.reload()]);
  });

  const items = agenda.data?.items ?? [];
  const move = (item: AgendaItem, delta: -1 | 1) => {
    const ids = moved(items.map((i) => i.id), item.id, delta);
    void action.run(`move-${item.id}`, async () => agenda.setData(await reorderAgenda(sessionId!, ids)));
  };

  const remove = async (item: AgendaItem) => {
    const topicLine = item.topicId ? '这个议题会回到排队中，不再自动排入。' : '';
    if (!(await confirmAction('移出议程', `确定把“${item.title}”移出这场议事的议程吗？${topicLine}`, '移出'))) return;
    await action.run(`remove-${item.id}`, async () => agenda.setData(await removeAgendaItem(item.id)), '已移出');
  };

  const slots = agenda.data?.agendaSlots ?? 0;
  return {
    gate,
    sessionId,
    session: session.data,
    agenda,
    items,
    slots,
    full: !!agenda.data && items.length >= slots,
    form,
    busy: action.busy,
    error: action.error,
    moveUp: (i: AgendaItem) => move(i, -1),
    moveDown: (i: AgendaItem) => move(i, 1),
    remove: (i: AgendaItem) => void remove(i),
  };
}

export type AgendaModel = ReturnType<typeof useAgendaModel>;
