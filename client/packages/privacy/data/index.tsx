import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { DELETION_EXPLAINED, type MyDataResponse } from '@contracts/privacy.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { formatDate, formatDateTime } from '@/utils/format';
import { useDataModel } from './use-data-model';
import './index.scss';

type Model = ReturnType<typeof useDataModel>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <View className='card' id={id}>
      <Text className='privacy-page__section-title'>{title}</Text>
      {children}
    </View>
  );
}

const Line = ({ text }: { text: string }) => <Text className='privacy-page__line'>{text}</Text>;
const hours = (minutes: number) => `${(minutes / 60).toFixed(minutes % 60 === 0 ? 0 : 1)} 小时`;

function Holdings({ d }: { d: MyDataResponse }) {
  const p = d.profile;
  return (
    <View>
      <Section id='privacy-profile' title='个人信息'>
        <InfoRow label='姓名' value={p.name} />
        <InfoRow label='手机号' value={p.phone ?? '未填写'} id='privacy-phone' />
        <InfoRow label='身份' value={p.roleLabel} />
        <InfoRow label='住址' value={p.unitLabel ? `${p.unitLabel}${p.unitConfirmed ? '' : '（待网格员确认）'}` : '还没有选择'} />
        <InfoRow label='微信绑定' value={p.wechatLinked ? '已绑定' : '未绑定'} />
        <InfoRow label='注册时间' value={formatDate(p.since)} />
      </Section>
      <Section id='privacy-concerns' title={`我反映的问题（${d.concerns.count} 件）`}>
        {d.concerns.items.map((c) => <Line key={c.id} text={`${formatDate(c.createdAt)} ${c.categoryLabel}：${c.excerpt}（${c.statusLabel}）`} />)}
      </Section>
      <Section id='privacy-topics' title={`议题：提出 ${d.topics.proposedCount} 个，支持 ${d.topics.supportedCount} 个`}>
        {d.topics.proposed.map((t) => <Line key={`p${t.id}`} text={`提出：${t.title}（${t.statusLabel}）`} />)}
      </Section>
      <Section id='privacy-deliberation' title={`议事：报名 ${d.deliberation.registrationCount} 次，投票 ${d.deliberation.ballotCount} 次`}>
        {d.deliberation.registrations.map((r) => (
          <Line key={`r${r.sessionId}`} text={`${formatDateTime(r.startsAt)} ${r.place}（${r.statusLabel}${r.checkedIn ? '，已签到' : ''}）`} />
        ))}
        {d.deliberation.ballots.map((b) => <Line key={`b${b.voteId}`} text={`投票：${b.question}`} />)}
      </Section>
      <Section id='privacy-volunteer' title='志愿者资料'>
        {d.volunteer ? (
          <View>
            <InfoRow label='状态' value={d.volunteer.statusLabel} />
            <InfoRow label='技能' value={d.volunteer.skills.join('、') || '无'} />
            <InfoRow label='空闲时间' value={d.volunteer.availability.join('、') || '无'} />
            <InfoRow label='所在队伍' value={d.volunteer.teams.join('、') || '无'} />
          </View>
        ) : <Line text='没有报名志愿者。' />}
      </Section>
      <Section id='privacy-help' title={`我的微心愿（${d.helpRequests.count} 个）`}>
        {d.helpRequests.items.map((h) => <Line key={h.id} text={`${formatDate(h.createdAt)} ${h.skillLabel}：${h.excerpt}（${h.statusLabel}）`} />)}
      </Section>
      <Section id='privacy-timebank' title={`红色银行：余额 ${hours(d.timebank.balanceMinutes)}`}>
        {d.timebank.lines.map((l, i) => <Line key={i} text={`${formatDate(l.at)} ${l.minutes > 0 ? '+' : ''}${hours(l.minutes)} ${l.memo}`} />)}
      </Section>
      <Section id='privacy-notifications' title={`消息通知：${d.notifications.count} 条（未读 ${d.notifications.unread} 条）`}>
        <Line text='消息在“消息通知”里查看。' />
      </Section>
      <Section id='privacy-access-log' title='谁查看过我的信息'>
        {d.accessLog.length === 0 ? <Line text='还没有工作人员查看过您的信息。' /> : null}
        {d.accessLog.map((e) => <Line key={e.id} text={`${formatDateTime(e.at)} ${e.actor} ${e.actionLabel}${e.detail ? `：${e.detail}` : ''}`} />)}
      </Section>
    </View>
  );
}

function Deletion({ m }: { m: Model }) {
  if (!m.isResident) {
    return <Notice tone='info' id='privacy-staff-note' text='工作人员账号不能自行注销：请先请街道管理员撤销您的工作身份。' />;
  }
  if (!m.explaining) return <BigButton id='privacy-delete' variant='plain' text='注销账号' onClick={m.startDelete} />;
  return (
    <View className='card privacy-page__explain' id='privacy-delete-explain'>
      <Text className='privacy-page__section-title'>注销后会删除</Text>
      {DELETION_EXPLAINED.removed.map((s) => <Line key={s} text={`· ${s}`} />)}
      <Text className='privacy-page__section-title'>注销后会保留</Text>
      {DELETION_EXPLAINED.kept.map((s) => <Line key={s} text={`· ${s}`} />)}
      {m.deleteError ? <Notice tone='error' text={m.deleteError} id='privacy-delete-error' /> : null}
      <BigButton id='privacy-delete-confirm' text='我已了解，注销账号' loading={m.deleting} onClick={m.confirmDelete} />
      <BigButton id='privacy-delete-cancel' variant='secondary' text='不注销了' onClick={m.cancelDelete} />
    </View>
  );
}

export default function PrivacyDataPage() {
  const m = useDataModel();
  return (
    <PageShell className='privacy-page'>
      <Text className='plain-line'>这里是邻里保存的关于您的全部信息。您可以导出一份，也可以注销账号。</Text>
      <ErrorRetry error={m.error} onRetry={m.reload} />
      {m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.data ? <Holdings d={m.data} /> : null}
      {m.exportError ? <Notice tone='error' text={m.exportError} id='privacy-export-error' /> : null}
      {m.data ? <BigButton id='privacy-export' variant='secondary' text='导出我的数据' loading={m.exporting} onClick={m.doExport} /> : null}
      {m.data ? <Deletion m={m} /> : null}
    </PageShell>
  );
}
