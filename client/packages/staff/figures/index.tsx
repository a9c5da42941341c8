import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { InfoRow } from '@/components/info-row/info-row';
import { DeliberationSection } from './deliberation-section';
import { VolunteersSection } from './volunteers-section';
import { percent, periodText, useFiguresModel } from './use-figures-model';
import './index.scss';

export default function StaffFiguresPage() {
  const m = useFiguresModel();
  const f = m.figures;
  return (
    <PageShell className='staff-figures-page'>
      <View className='figures-periods'>
        {m.periods.map((p) => (
          <View
            key={p.days}
            id={`figures-period-${p.days}`}
            className={`figures-periods__tab${m.days === p.days ? ' figures-periods__tab--active' : ''}`}
            aria-selected={m.days === p.days}
            onClick={() => m.choosePeriod(p.days)}
          >
            <Text>{p.label}</Text>
          </View>
        ))}
      </View>

      <ErrorRetry error={m.error} onRetry={() => void m.reload()} />
      {!f && m.loading ? <Text className='muted'>正在加载…</Text> : null}

      {f ? (
        <View>
          <Text className='section-title' id='figures-area'>
            {f.area.name} · {periodText(f.period)}
          </Text>
          <Text className='figures-plain' id='figures-plain'>{f.plain}</Text>

          <View className='card'>
            <InfoRow id='figures-response' label='响应率' value={`${percent(f.responseRate)}（24小时内受理 ${f.acceptedWithinDeadline}/${f.received} 件）`} />
            <InfoRow id='figures-resolution' label='解决率' value={`${percent(f.resolutionRate)}（${f.resolved}/${f.received} 件）`} />
            <InfoRow id='figures-satisfaction' label='满意率' value={`${percent(f.satisfactionRate)}（4分及以上 ${f.satisfied}/${f.rated} 件）`} />
            <InfoRow id='figures-median' label='办结用时' value={f.medianHoursToResolve === null ? '—' : `一半的问题在 ${f.medianHoursToResolve} 小时内解决`} />
            <InfoRow id='figures-overdue' label='当前超时' value={`${f.overdueNow} 件`} />
            <InfoRow
              id='figures-escalations'
              label='上报'
              value={`到社区 ${f.escalations.community} 次，到街道 ${f.escalations.street} 次，到职能部门 ${f.escalations.department} 次`}
            />
            <InfoRow id='figures-proxy' label='代办' value={`${f.proxy} 件（占 ${percent(f.proxyShare)}）`} />
          </View>

          {f.perChild.length > 0 ? <Text className='section-title'>{m.childTitle}</Text> : null}
          {f.perChild.map((c) => (
            <View key={c.id} id={`figures-child-${c.id}`} className='card figures-child' onClick={() => m.openChild(c)}>
              <View className='figures-child__head'>
                <Text className='figures-child__name'>{c.name}</Text>
                <Text className='figures-child__arrow'>›</Text>
              </View>
              <Text className='figures-child__line'>
                记录 {c.received} 件 · 已解决 {c.resolved} 件 · 正在落实 {c.inProgress} 件
              </Text>
              <Text className='figures-child__line caption'>
                响应率 {percent(c.responseRate)} · 解决率 {percent(c.resolutionRate)} · 满意率 {percent(c.satisfactionRate)}
                {c.overdueNow ? ` · 超时 ${c.overdueNow} 件` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <DeliberationSection
        figures={m.deliberation.figures}
        loading={m.deliberation.loading}
        error={m.deliberation.error}
        onRetry={() => void m.deliberation.reload()}
      />

      <VolunteersSection
        figures={m.volunteers.figures}
        loading={m.volunteers.loading}
        error={m.volunteers.error}
        onRetry={() => void m.volunteers.reload()}
      />

      {m.canGoUp ? <BigButton id='figures-up' variant='secondary' text='返回上一级' onClick={m.goUp} /> : null}
    </PageShell>
  );
}
