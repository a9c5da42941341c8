import { useCallback, useRef, useState } from 'react';
import type { HelpRequestStatus } from '@contracts/volunteers.constants';
import type { HelpRequestItem, VolunteerSuggestion } from '@contracts/volunteers.contract';
import { canDispatch } from '@/services/permissions';
import { useRoleGate } from '@/hooks/use-role-gate';
import Taro from '@tarojs/taro';
import { useAction } from '@/hooks/use-action';
import { usePagedList } from '@/hooks/use-paged-list';
import { volRequestUrl } from '@/services/routes';
import { dispatchRequest, getBoard, getSuggestions } from '@/services/volunteers-staff.api';

export type BoardTab = Extract<HelpRequestStatus, 'open' | 'filled' | 'done'>;

/** The dispatch board: requests by status; per open request the suggested volunteers and 派单; done ones open their page for 代为确认. */
export function useDispatchModel() {
  const [tab, setTab] = useState<BoardTab>('open');
  const tabRef = useRef<BoardTab>('open');
  const fetchPage = useCallback((cursor: string | null) => getBoard(tabRef.current, cursor), []);
  const board = usePagedList(fetchPage);
  const gate = useRoleGate(canDispatch, () => board.reload());
  const action = useAction<string>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [suggestions, setSuggestions] = useState<VolunteerSuggestion[] | null>(null);

  const replace = (r: HelpRequestItem) => board.setItems((prev) => prev.map((x) => (x.id === r.id ? r : x)));

  const switchTab = (next: BoardTab) => {
    if (next === tab) return;
    tabRef.current = next;
    setTab(next);
    setOpenId(null);
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
    openConfirm: (r: HelpRequestItem) => void Taro.navigateTo({ url: volRequestUrl(r.id) }),
  };
}

export type DispatchModel = ReturnType<typeof useDispatchModel>;
