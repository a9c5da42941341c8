import { Text, View } from '@tarojs/components';
import type { SetupItem, SetupTeam, SetupTree } from '@contracts/setup.contract';
import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import '@/components/delib-staff/delib-staff.scss';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { CommunityCard, EditorSlot, ItemActions, Title } from './tree-parts';
import { useOrgModel, type OrgModel } from './use-org-model';
import './index.scss';

const INTRO = '这里维护本街道的社区、网格、楼栋、单元、职能部门和志愿服务队。停用不会删除任何记录：已有的问题和历史照常显示，只是新的选择里不再出现。';
const INTRO_COMMUNITY = '这里维护本社区的网格、楼栋、单元和社区志愿服务队。社区本身和职能部门由街道管理员维护。';

function Departments({ items, m }: { items: SetupItem[]; m: OrgModel }) {
  return (
    <View className='card' id='setup-departments'>
      <Text className='setup-section'>职能部门（吹哨报到）</Text>
      {items.length === 0 ? <Text className='plain-line muted'>还没有职能部门。</Text> : null}
      {items.map((d) => (
        <View className='setup-row' key={d.id} id={`setup-departments-${d.id}`}>
          <Title name={d.name} retired={d.retired} />
          <ItemActions t={{ kind: 'departments', id: d.id, name: d.name }} retired={d.retired} m={m} canEdit />
          <EditorSlot at={`departments-${d.id}`} m={m} />
        </View>
      ))}
      <BigButton id='setup-add-department' variant='secondary' text='＋ 新建职能部门' onClick={() => m.startCreate('departments', null, 'departments-new')} />
      <EditorSlot at='departments-new' m={m} />
    </View>
  );
}

function Teams({ tree, m }: { tree: SetupTree; m: OrgModel }) {
  const communityName = (t: SetupTeam) => (t.communityId === null ? '街道级' : tree.communities.find((c) => c.id === t.communityId)?.name ?? '社区');
  return (
    <View className='card' id='setup-teams'>
      <Text className='setup-section'>志愿服务队（小红帽）</Text>
      {tree.teams.length === 0 ? <Text className='plain-line muted'>还没有志愿服务队。</Text> : null}
      {tree.teams.map((t) => (
        <View className='setup-row' key={t.id} id={`setup-volunteer-teams-${t.id}`}>
          <Title name={t.name} retired={t.retired} tag={communityName(t)} />
          <ItemActions t={{ kind: 'volunteer-teams', id: t.id, name: t.name }} retired={t.retired} m={m} canEdit={tree.canEditStreet || t.communityId !== null} />
          <EditorSlot at={`volunteer-teams-${t.id}`} m={m} />
        </View>
      ))}
      {tree.canEditStreet ? (
        <BigButton id='setup-add-street-team' variant='secondary' text='＋ 新建街道级服务队' onClick={() => m.startCreate('volunteer-teams', null, 'teams-new')} />
      ) : (
        <Text className='plain-line caption'>新建社区志愿服务队：在上面社区里点“查看网格”，再点“＋ 社区志愿服务队”。</Text>
      )}
      <EditorSlot at='teams-new' m={m} />
    </View>
  );
}

export default function SetupOrgPage() {
  const m = useOrgModel();
  const g = m.gate;
  const tree = m.tree.data;
  return (
    <PageShell className='setup-org-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText='组织架构由街道管理员和社区工作人员维护。'>
        <LoadState loading={m.tree.loading} loaded={m.tree.loaded} error={m.tree.error} onRetry={() => void m.tree.reload()} empty={false} emptyText='' />
        {tree ? (
          <View>
            <Text className='page-title' id='setup-street'>{tree.street.name}</Text>
            <Text className='plain-line' id='setup-intro'>{tree.canEditStreet ? INTRO : INTRO_COMMUNITY}</Text>
            {m.error && !m.editor ? <Notice tone='error' id='setup-error' text={m.error} /> : null}
            <BigButton id='setup-show-retired' variant='plain' text={m.withRetired ? '隐藏已停用的' : '显示已停用的'} onClick={() => m.showRetired(!m.withRetired)} />
            {tree.canEditStreet ? (
              <View>
                <BigButton id='setup-add-community' text='＋ 新建社区' onClick={() => m.startCreate('communities', null, 'communities-new')} />
                <EditorSlot at='communities-new' m={m} />
              </View>
            ) : null}
            <View id='setup-communities'>
              {tree.communities.length === 0 ? <Text className='plain-line muted'>还没有社区，先点“＋ 新建社区”。</Text> : null}
              {tree.communities.map((c) => <CommunityCard key={c.id} c={c} m={m} canEditCommunity={tree.canEditStreet} />)}
            </View>
            {tree.canEditStreet ? <Departments items={tree.departments} m={m} /> : null}
            <Teams tree={tree} m={m} />
          </View>
        ) : null}
      </StaffGate>
    </PageShell>
  );
}
