import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { CheckInOutcome } from '@/components/delib-staff/check-in-result';
import { useResource } from '@/hooks/use-resource';
import { useIdParam } from '@/hooks/use-id-param';
import { useRoleGate } from '@/hooks/use-role-gate';
import { checkIn, getAttendance, getSession } from '@/services/deliberation-staff.api';
import { errorMessage } from '@/services/request';
import { canCheckInAttendees } from '../shared/access';
import { checkInOutcome, codeFrom, errorOutcome, proxyOutcome } from './check-in-outcome';
import { useProxySignup } from './use-proxy-signup';

/** WeChat's camera scanner; the browser build types the code instead. Read at render time (tests set it). */
const canScan = () => process.env.TARO_ENV === 'weapp';

function scanCancelled(e: unknown): boolean {
  const msg = e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : '';
  return /cancel/i.test(msg);
}

/** The check-in desk of one session: scan or type a code, the answer in big letters, attendance, 代报名. */
export function useCheckinModel() {
  const sessionId = useIdParam('sessionId');
  const attendance = useResource(() => getAttendance(sessionId!));
  const session = useResource(() => getSession(sessionId!));
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  const [sending, setSending] = useState(false);

  const proxy = useProxySignup(sessionId, async (r) => {
    setOutcome(proxyOutcome(r));
    await attendance.reload();
  });

  const gate = useRoleGate(canCheckInAttendees, async () => {
    if (sessionId) await Promise.all([attendance.reload(), session.reload()]);
  });

  const send = async (raw: string) => {
    if (!sessionId || sending) return;
    const value = codeFrom(raw);
    if (!value) {
      setOutcome(errorOutcome('请输入签到码'));
      return;
    }
    setSending(true);
    try {
      setOutcome(checkInOutcome(await checkIn(sessionId, value)));
      setCode('');
      await attendance.reload();
    } catch (e) {
      setOutcome(errorOutcome(errorMessage(e)));
    } finally {
      setSending(false);
    }
  };

  const scan = async () => {
    let result: string;
    try {
      result = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })).result;
    } catch (e) {
      if (!scanCancelled(e)) setOutcome(errorOutcome('没有扫到签到码，请再扫一次，或在下面输入签到码'));
      return;
    }
    await send(result);
  };

  return {
    gate,
    sessionId,
    session: session.data,
    attendance,
    canScan: canScan(),
    code,
    setCode: (v: string) => setCode(v.slice(0, 40)),
    outcome,
    sending,
    scan: () => void scan(),
    submitCode: () => void send(code),
    proxy,
  };
}
