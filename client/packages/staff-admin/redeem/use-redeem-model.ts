import { useState } from 'react';
import Taro from '@tarojs/taro';
import { INVITATION_CODE_LENGTH, normalizeInvitationCode, type RedeemResponse } from '@contracts/staff.contract';
import { useAction } from '@/hooks/use-action';
import { useMe } from '@/hooks/use-me';
import { canUseWorkbench } from '@/services/permissions';
import { Routes } from '@/services/routes';
import { redeemInvitation } from '@/services/staff.api';

const canScan = () => process.env.TARO_ENV === 'weapp';
const scanCancelled = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''));

/** The 8 letters of an invitation code inside whatever was typed or scanned (case, spaces and the dash do not matter). */
function codeFrom(text: string): string {
  const letters = normalizeInvitationCode(text);
  return letters.length > INVITATION_CODE_LENGTH ? letters.slice(-INVITATION_CODE_LENGTH) : letters;
}

/** 输入邀请码: type (or scan) the code; then the app reloads who one is and opens the workbench. */
export function useRedeemModel() {
  const { me, error: meError, reload } = useMe();
  const action = useAction<'redeem'>();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<RedeemResponse | null>(null);

  const send = async (text: string) => {
    const c = codeFrom(text);
    if (c.length !== INVITATION_CODE_LENGTH) {
      action.setError('邀请码是 8 位字母和数字，例如 K7QM-2XPA，请核对后再输入');
      return;
    }
    await action.run('redeem', async () => {
      const res = await redeemInvitation(c);
      setDone(res);
      await reload();
    });
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setCode(codeFrom(result));
      await send(result);
    } catch (e) {
      if (!scanCancelled(e)) action.setError('没有扫到邀请码，请再扫一次，或直接输入');
    }
  };

  const openWorkbench = () => void Taro.reLaunch({ url: canUseWorkbench(done?.role) ? Routes.staffInbox : Routes.me });

  return {
    me, meError, retryMe: () => void reload(), code, setCode, submit: () => void send(code), scan, canScan: canScan(),
    done, openWorkbench, busy: action.busy, error: action.error,
  };
}
