import { useCallback } from 'react';
import { comingText, statusExplained } from '@/components/volunteers/help-text';
import { useIdParam } from '@/hooks/use-id-param';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { useHelpSteps } from '@/pages/volunteers/use-help-steps';
import { getHelpRequest } from '@/services/help-requests.api';
import { confirmModeOf, useConfirm } from './use-confirm';

/**
 * 求助详情: status and history, who is coming; cancel, confirm and rate (the requester, or the grid worker for a
 * resident without a phone), and the volunteer's steps.
 */
export function useRequestModel() {
  const id = useIdParam();
  const valid = id !== null;
  const request = useResource(() => getHelpRequest(id!));
  const { reload, setData } = request;
  const me = useMe(useCallback(async () => {
    if (valid) await reload();
  }, [valid, reload]));
  const steps = useHelpSteps(async (detail) => {
    if (detail) setData(detail);
    else await reload();
  });
  const confirm = useConfirm(setData);
  const d = request.data;
  return {
    invalid: valid ? null : '没有找到这条求助',
    detail: d,
    explained: d ? statusExplained(d) : '',
    coming: d ? comingText(d) : '',
    loading: valid && (me.loading || request.loading) && !d,
    error: me.error ?? request.error,
    reload: () => void me.reload(),
    steps,
    confirm,
    confirmMode: d ? confirmModeOf(d) : null,
  };
}
