import { Text, View } from '@tarojs/components';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { PageShell } from '@/components/page-shell/page-shell';
import { ConcernTimeline } from '@/components/concern-timeline/concern-timeline';
import { InfoRow } from '@/components/info-row/info-row';
import { formatDateTime } from '@/utils/format';
import { useDetailModel } from './use-detail-model';
import './index.scss';

export default function ConcernDetailPage() {
  const { concern, error, loading, reload } = useDetailModel();
  return (
    <PageShell className='concern-detail-page'>
      <ErrorRetry error={error} onRetry={() => void reload()} />
      {!concern && loading ? <Text className='muted'>正在加载…</Text> : null}
      {concern ? (
        <View>
          <View className='card'>
            <Text className='page-title' id='concern-category'>
              {concern.categoryLabel}
            </Text>
            <InfoRow label='状态' value={concern.statusLabel} id='concern-status' />
            <InfoRow label='地点' value={concern.placeLabel + (concern.unconfirmed ? '（住址未确认）' : '')} />
            <InfoRow label='所属网格' value={concern.gridName} />
            <InfoRow
              label='当前处理人'
              id='concern-holder'
              value={concern.holderName
                  ? `${concern.holderName}${concern.holderRoleLabel ? `（${concern.holderRoleLabel}）` : ''}`
                  : '等待社区分派'}
            />
            <InfoRow label='首接负责人' value={concern.firstOwnerName ?? '暂无'} />
            <InfoRow label='反映人' value={concern.submitterName} />
            <InfoRow label='提交时间' value={formatDateTime(concern.createdAt)} />
          </View>
          <Text className='section-title'>问题内容</Text>
          <Text className='concern-detail-page__text card' id='concern-text'>
            {concern.text}
          </Text>
          <Text className='section-title'>处理经过</Text>
          <View className='card'>
            <ConcernTimeline events={concern.timeline} />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
