import { useCallback, useRef, useState } from 'react';
import type { HelpRequestStatus } from '@contracts/volunteers.constants';
import type { HelpRequestItem, VolunteerSuggestion } from '@contracts/volunteers.contract';
import { canDispatch } from '@/services/permissions';
import { minutesFromHours } from '@/components/vol-staff/hours';
import { useRoleGate } from '@/hooks/use-role-gate';
import { confirmAction, useAction } from '@/hooks/use-action';
import { usePagedList } from '@/hooks/use-paged-list';
import { confirmOnBehalf, dispatchRequest, getBoard, getSuggestions } from '@/services/volunteers-staff.api';

export type BoardTab = Extract<HelpRequestStatus, 'open' | 'filled' | 'done'>;
const CREDIT_MAX_MINUTES = 240;

/** The dispatch board: requests by status; per open request the suggested volunteers and 派单; 代为确认 for done ones. */
export function useDispatchModel() {
  const [tab, setTab] = useState<BoardTab>('open');
  const tabRef = useRef<BoardTab>('open');
  const fetchPage = useCallback((cursor: string | null) => getBoard(tabRef.current, cursor), []);
  const board = usePagedList(fetchPage);
  const gate = useRoleGate(canDispatch, () => board.reload());
  const action = useAction<string>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [suggestions, setSuggestions] = useState<VolunteerSuggestion[] | null>(null);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const [hours, setHours] = useState('');

  const replace = (r: HelpRequestItem) => board.setItems((prev) => prev.map((x) => (x.id === r.id ? r : x)));

  const switchTab = (next: BoardTab) => {
    if (next === tab) return;
    tabRef.current = next;
    setTab(next);
    setOpenId(null);
    setConfirmingId(null);
    void board.reload();
  };

  const showSuggestions = (r: HelpRequestItem) => {
    if (openId === r.id) {
      setOpenId(null);
      return;
    }
    setOpenId(r.id);
    setSuggestions(null);
    void action.run(`suggest-${r.id}`, async () => setSuggestions((await getSuggestions(r.id)).items));
  };

  const dispatch = async (r: HelpRequestItem, s: VolunteerSuggestion) => {
    const ok = await action.run(`dispatch-${r.id}-${s.userId}`, async () => replace(await dispatchRequest(r.id, s.userId)), `已派给 ${s.name}`);
    if (ok) setOpenId(null);
  };

  const confirm = async (r: HelpRequestItem) => {
    const typed = hours.trim();
    const minutes = typed ? minutesFromHours(typed) : undefined;
    if (minutes === null || (minutes !== undefined && (minutes < 15 || minutes > CREDIT_MAX_MINUTES))) {
      action.setError('服务时长请填 0.25 到 4 之间的小时数，或不填（按预约时间计）');
      return;
    }
    const who = r.volunteers.map((v) => v.name).join('、') || '志愿者';
    const content = `替 ${r.requesterName} 确认“${r.description}”已完成？确认后会给 ${who} 记入时长，不能撤回。`;
    if (!(await confirmAction('代为确认完成', content, '确认完成'))) return;
    const ok = await action.run(`confirm-${r.id}`, async () => {
      replace(await confirmOnBehalf(r.id, { version: r.version, ...(minutes !== undefined ? { minutes } : {}) }));
    }, '已确认，时长已记入');
    if (ok) setConfirmingId(null);
  };

  return {
    gate,
    tab,
    switchTab,
    board,
    busy: action.busy,
    error: action.error,
    openId,
    suggestions,
    showSuggestions,
    dispatch: (r: HelpRequestItem, s: VolunteerSuggestion) => void dispatch(r, s),
    confirmingId,
    startConfirm: (r: HelpRequestItem) => {
      setConfirmingId(confirmingId === r.id ? null : r.id);
      setHours('');
      action.setError(null);
    },
    hours,
    setHours: (t: string) => setHours(t.slice(0, 5)),
    confirm: (r: HelpRequestItem) => void confirm(r),
  };
}

export type DispatchModel = ReturnType<typeof useDispatchModel>;
