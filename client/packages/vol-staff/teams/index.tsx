import { Text, View } from '@tarojs/components';
import type { StaffTeamItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { TEAMS_ONLY_LINE } from '@/components/vol-staff/access';
import '@/components/vol-staff/vol-staff.scss';
import { LEADER_CAN, useTeamsModel, type TeamsModel } from './use-teams-model';

function leaderLine(t: StaffTeamItem): string {
  if (!t.leader) return '还没有队长';
  return t.leader.active ? `队长：${t.leader.name}` : `队长：${t.leader.name}（志愿服务已暂停，暂时不能以队长身份发起活动）`;
}

/** The approved members of the open team: 设为队长 on each, the current leader marked. */
function Members({ t, m }: { t: StaffTeamItem; m: TeamsModel }) {
  const list = m.members;
  const items = list.data ?? [];
  return (
    <View id={`team-${t.id}-members`}>
      <LoadState loading={list.loading} loaded={list.loaded} error={list.error} onRetry={() => void list.reload()} empty={items.length === 0} emptyText='这支队伍还没有审核通过的队员，先审核通过队员再选队长。' />
      {items.map((p) => (
        <View className='vs-item' key={p.userId} id={`team-${t.id}-member-${p.userId}`}>
          <View className='ds-row'>
            <Text className='vs-title'>{p.name}</Text>
            {p.isLeader ? <Text className='ds-tag ds-tag--ok'>现任队长</Text> : null}
          </View>
          {p.phone ? <Text className='vs-line caption'>{p.phone}</Text> : null}
          {!p.isLeader ? (
            <BigButton id={`team-${t.id}-appoint-${p.userId}`} variant='secondary' text='设为队长' loading={m.busy === `appoint-${t.id}-${p.userId}`} onClick={() => m.appoint(t, p)} />
          ) : null}
        </View>
      ))}
    </View>
  );
}

function TeamCard({ t, m }: { t: StaffTeamItem; m: TeamsModel }) {
  const open = m.openId === t.id;
  return (
    <View className='card' id={`team-${t.id}`}>
      <View className='ds-row'>
        <Text className='vs-title'>{t.name}</Text>
        <Text className='ds-tag'>{t.level === 'street' ? '街道队伍' : '社区队伍'}</Text>
      </View>
      <Text className='vs-line'>队员 {t.memberCount} 人（已通过审核）</Text>
      <Text className='vs-line' id={`team-${t.id}-leader`}>{leaderLine(t)}</Text>
      {t.canAppoint ? (
        <View>
          <BigButton id={`team-${t.id}-choose`} variant='secondary' text={open ? '收起队员名单' : t.leader ? '更换队长' : '选择队长'} onClick={() => m.toggle(t)} />
          {t.leader ? <BigButton id={`team-${t.id}-clear`} variant='plain' text='撤销队长' loading={m.busy === `clear-${t.id}`} onClick={() => m.clear(t)} /> : null}
          {open ? <Members t={t} m={m} /> : null}
        </View>
      ) : (
        <Text className='vs-line caption'>街道队伍的队长由街道管理员任命。</Text>
      )}
    </View>
  );
}

export default function VolStaffTeamsPage() {
  const m = useTeamsModel();
  const g = m.gate;
  const items = m.teams.data ?? [];
  return (
    <PageShell className='vol-staff-teams-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={TEAMS_ONLY_LINE}>
        <Text className='plain-line' id='teams-intro'>{LEADER_CAN}</Text>
        {m.error ? <Notice tone='error' id='teams-error' text={m.error} /> : null}
        <LoadState loading={m.teams.loading} loaded={m.teams.loaded} error={m.teams.error} onRetry={() => void m.teams.reload()} empty={items.length === 0} emptyText='还没有志愿服务队伍。' />
        {items.map((t) => (
          <TeamCard key={t.id} t={t} m={m} />
        ))}
      </StaffGate>
    </PageShell>
  );
}
