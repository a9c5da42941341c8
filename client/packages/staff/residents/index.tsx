import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { formatDate } from '@/utils/format';
import { useResidentsModel } from './use-residents-model';

export default function StaffResidentsPage() {
  const m = useResidentsModel();
  return (
    <PageShell className='staff-residents-page'>
      <Text className='muted'>请核实以下居民确实住在所填的单元，再点“确认”。</Text>
      {m.error ? <Notice tone='error' text={m.error} /> : null}
      {m.loaded && m.items.length === 0 ? <Text className='plain-line muted'>没有待确认的居民。</Text> : null}
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.items.map((r) => (
        <View className='card' key={r.id} id={`resident-${r.id}`}>
          <Text className='section-title'>{r.name}</Text>
          <InfoRow label='住址' value={r.unitLabel} />
          <InfoRow label='手机号' value={r.phoneMasked ?? '未填写'} />
          <InfoRow label='申请日期' value={formatDate(r.since)} />
          {m.canConfirm ? (
            <BigButton text='确认' loading={m.confirmingId === r.id} onClick={() => void m.confirm(r.id)} />
          ) : null}
        </View>
      ))}
    </PageShell>
  );
}
