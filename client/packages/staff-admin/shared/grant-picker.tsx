import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RoleLabels } from '@contracts/roles';
import type { ChangeRoleRequest, InvitableRole, StaffAreasResponse } from '@contracts/staff.contract';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';

/** A role and area being chosen (身份与范围). */
export interface GrantDraft {
  role: InvitableRole | null;
  communityId: number | null;
  gridId: number | null;
  departmentId: number | null;
}

const EMPTY: GrantDraft = { role: null, communityId: null, gridId: null, departmentId: null };

/** What is still missing before the grant can be sent, in plain words; null when complete. */
export function grantMissing(d: GrantDraft): string | null {
  if (!d.role) return '请选择身份';
  if (d.role === 'grid_worker' && !d.gridId) return '请选择网格';
  if (d.role === 'community_staff' && !d.communityId) return '请选择社区';
  if (d.role === 'department' && !d.departmentId) return '请选择职能部门';
  return null;
}

export function grantBody(d: GrantDraft): ChangeRoleRequest {
  return { role: d.role!, communityId: d.communityId, gridId: d.gridId, departmentId: d.departmentId };
}

/** The chosen area in words, e.g. "创业一社区 第1网格". */
export function grantAreaName(d: GrantDraft, areas: StaffAreasResponse): string {
  const community = areas.communities.find((c) => c.id === d.communityId);
  if (d.role === 'grid_worker') return `${community?.name ?? ''} ${community?.grids.find((g) => g.id === d.gridId)?.name ?? ''}`.trim();
  if (d.role === 'community_staff') return community?.name ?? '';
  if (d.role === 'department') return areas.departments.find((x) => x.id === d.departmentId)?.name ?? '';
  return areas.street.name;
}

/** The grid worker a grid has now (who would be replaced: one worker per grid). */
export function currentWorker(d: GrantDraft, areas: StaffAreasResponse): string | null {
  if (d.role !== 'grid_worker') return null;
  const grid = areas.communities.flatMap((c) => c.grids).find((g) => g.id === d.gridId);
  return grid?.workerName ?? null;
}

export function useGrantDraft(areas: StaffAreasResponse | null) {
  const [draft, setDraft] = useState<GrantDraft>(EMPTY);
  const only = areas && areas.communities.length === 1 ? areas.communities[0].id : null;
  return {
    draft,
    reset: () => setDraft(EMPTY),
    setRole: (role: InvitableRole) => setDraft({ ...EMPTY, role, communityId: only }),
    setCommunity: (communityId: number) => setDraft((d) => ({ ...d, communityId, gridId: null })),
    setGrid: (gridId: number) => setDraft((d) => ({ ...d, gridId })),
    setDepartment: (departmentId: number) => setDraft((d) => ({ ...d, departmentId })),
  };
}

export type GrantDraftModel = ReturnType<typeof useGrantDraft>;

/**
 * Role chips, then the area for it: 社区 (and its 网格 for a grid worker) or 职能部门; a street admin needs none.
 * Ids: `${idPrefix}-role-<role>`, `${idPrefix}-community-<id>`, `${idPrefix}-grid-<id>`, `${idPrefix}-department-<id>`.
 */
export function GrantPicker({ areas, g, idPrefix }: { areas: StaffAreasResponse; g: GrantDraftModel; idPrefix: string }) {
  const d = g.draft;
  const community = areas.communities.find((c) => c.id === d.communityId);
  const worker = currentWorker(d, areas);
  return (
    <View className='staff-admin__picker'>
      <Text className='section-title'>身份</Text>
      <ChoiceChips idPrefix={`${idPrefix}-role`} choices={areas.roles.map((r) => ({ key: r, label: RoleLabels[r] }))} selected={d.role} onSelect={g.setRole} />
      {d.role === 'grid_worker' || d.role === 'community_staff' ? (
        <View>
          <Text className='section-title'>社区</Text>
          {areas.communities.length === 0 ? <Text className='plain-line muted'>还没有社区，请先在“组织架构”里新建。</Text> : null}
          <ChoiceChips idPrefix={`${idPrefix}-community`} choices={areas.communities.map((c) => ({ key: c.id, label: c.name }))} selected={d.communityId} onSelect={g.setCommunity} />
        </View>
      ) : null}
      {d.role === 'grid_worker' && community ? (
        <View>
          <Text className='section-title'>网格</Text>
          {community.grids.length === 0 ? <Text className='plain-line muted'>这个社区还没有网格，请先在“组织架构”里新建。</Text> : null}
          <ChoiceChips
            idPrefix={`${idPrefix}-grid`}
            choices={community.grids.map((x) => ({ key: x.id, label: x.workerName ? `${x.name}（现由${x.workerName}负责）` : `${x.name}（暂无网格员）` }))}
            selected={d.gridId}
            onSelect={g.setGrid}
          />
          {worker ? <Text className='plain-line' id={`${idPrefix}-replaces`}>一个网格只有一位网格员：对方上任后，{worker} 将改为居民，并收到通知。</Text> : null}
        </View>
      ) : null}
      {d.role === 'department' ? (
        <View>
          <Text className='section-title'>职能部门</Text>
          {areas.departments.length === 0 ? <Text className='plain-line muted'>还没有职能部门，请先在“组织架构”里新建。</Text> : null}
          <ChoiceChips idPrefix={`${idPrefix}-department`} choices={areas.departments.map((x) => ({ key: x.id, label: x.name }))} selected={d.departmentId} onSelect={g.setDepartment} />
        </View>
      ) : null}
      {d.role === 'street_admin' ? <Text className='plain-line'>范围：{areas.street.name}全街道</Text> : null}
    </View>
  );
}
