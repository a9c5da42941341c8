import { Text, View } from '@tarojs/components';
import { AuditActionLabels, AuditActions, type AuditAction } from '@contracts/audit.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { PageShell } from '@/components/page-shell/page-shell';
import { formatDateTime } from '@/utils/format';
import '../shared/staff-admin.scss';
import { AUDIT_ONLY_LINE } from '../shared/texts';
import { useAuditModel } from './use-audit-model';

const FILTERS: { key: AuditAction | 'all'; label: string }[] = [{ key: 'all', label: '全部' }, ...AuditActions.map((a) => ({ key: a, label: AuditActionLabels[a] }))];

export default function StaffAuditPage() {
  const m = useAuditModel();
  const g = m.gate;
  return (
    <PageShell className='staff-audit-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={AUDIT_ONLY_LINE}>
        <Text className='staff-admin__line'>谁在什么时候调整了身份、查看了居民信息、改了组织架构和台账，都记在这里，不能修改或删除。</Text>
        <ChoiceChips idPrefix='audit-filter' choices={FILTERS} selected={m.filter} onSelect={m.choose} />
        {m.error && m.items === null ? <ErrorRetry error={m.error} onRetry={m.retry} /> : null}
        {m.items === null && !m.error ? <Text className='muted'>正在加载…</Text> : null}
        {m.items && m.items.length === 0 ? <Text className='plain-line muted' id='audit-empty'>还没有这类记录。</Text> : null}
        {(m.items ?? []).map((e) => (
          <View className='card' key={e.id} id={`audit-${e.id}`}>
            <Text className='section-title'>{e.actionLabel}</Text>
            <Text className='staff-admin__line caption'>{formatDateTime(e.at)} · {e.actor}</Text>
            {e.subject ? <Text className='staff-admin__line'>涉及：{e.subject}</Text> : null}
            {e.detail ? <Text className='staff-admin__line'>{e.detail}</Text> : null}
          </View>
        ))}
        {m.items && m.error ? <ErrorRetry error={m.error} onRetry={m.more} /> : null}
        {m.hasMore ? <BigButton id='audit-more' variant='secondary' text='加载更多' loading={m.loading} onClick={m.more} /> : null}
      </StaffGate>
    </PageShell>
  );
}
