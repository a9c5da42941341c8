import { Input, Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { CheckInResult } from '@/components/delib-staff/check-in-result';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { SessionSummary } from '@/components/delib-staff/session-summary';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { PageShell } from '@/components/page-shell/page-shell';
import { CHECKIN_ONLY_LINE } from '../shared/access';
import { AttendanceView } from './attendance-view';
import { ProxyView } from './proxy-view';
import { useCheckinModel } from './use-checkin-model';
import './index.scss';

export default function DelibStaffCheckinPage() {
  const m = useCheckinModel();
  const g = m.gate;
  const a = m.attendance;
  return (
    <PageShell className='delib-checkin-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={CHECKIN_ONLY_LINE}>
        {!m.sessionId ? <Text className='plain-line'>没有找到这场议事，请从议事设置里打开。</Text> : null}
        {m.session ? <SessionSummary session={m.session} /> : null}
        {m.sessionId ? (
          <View>
            {m.canScan ? <BigButton id='checkin-scan' className='checkin-scan' text='扫码签到' loading={m.sending} onClick={m.scan} /> : null}
            <CheckInResult outcome={m.outcome} />
            <View className='card'>
              <Text className='ds-field__label'>{m.canScan ? '扫不了码时，输入居民的签到码' : '输入居民的签到码'}</Text>
              <Input id='checkin-code' className='checkin-code' value={m.code} maxlength={40} placeholder='签到码，例如 K7P2Q9XA3M' confirmType='done' onInput={(e) => m.setCode(e.detail.value)} onConfirm={m.submitCode} />
              <BigButton id='checkin-submit' variant='secondary' text='签到' loading={m.sending} onClick={m.submitCode} />
            </View>
            <BigButton id='proxy-toggle' variant='secondary' text={m.proxy.open ? '收起代报名' : '代报名（替没有手机的居民）'} onClick={m.proxy.toggle} />
            {m.proxy.open ? <ProxyView p={m.proxy} /> : null}
            <Text className='section-title'>到会名单</Text>
            <ErrorRetry error={a.error} onRetry={() => void a.reload()} />
            {!a.loaded && a.loading ? <Text className='muted'>正在加载…</Text> : null}
            {a.data ? <AttendanceView data={a.data} /> : null}
            {a.data ? <BigButton variant='plain' text='刷新名单' loading={a.loading} onClick={() => void a.reload()} /> : null}
          </View>
        ) : null}
      </StaffGate>
    </PageShell>
  );
}
