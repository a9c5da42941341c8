import { ConcernCategoryLabels, HolderLevelLabels, type ConcernCategory, type HolderLevel } from '../../../../contracts/concerns.constants';
import type { ConcernEventType } from '../../../../contracts/concerns.contract';
import type { DiaryAction, DiaryNote, DiaryPerson } from '../../../../contracts/diary.contract';
import { RoleLabels } from '../../../../contracts/roles';
import { toIso } from '../../common/time';
import { placeLabelOf } from '../concerns/concerns.mapper';
import type { DiaryNoteEntity } from './diary-note.entity';
import type { ActionRow, PersonRow } from './diary.repository';

/** What a staff member did, in their diary's words (the timeline says who; the diary says what I did). */
const ActionLabels: Partial<Record<ConcernEventType, string>> = {
  submitted: '代居民反映问题',
  accepted: '受理了问题',
  started: '开始处理问题',
  resolved: '处理完毕',
  closed: '办结了问题',
  me_too: '表示也遇到了',
  made_public: '公开了问题',
};

export function actionLabel(type: string, toLevel: string | null): string {
  const level = toLevel ? HolderLevelLabels[toLevel as HolderLevel] : null;
  if (type === 'escalated') return level ? `上报给${level}` : '上报了问题';
  if (type === 'returned') return level ? `退回给${level}` : '退回了问题';
  return ActionLabels[type as ConcernEventType] ?? '处理了问题';
}

export function toDiaryAction(r: ActionRow): DiaryAction {
  const type = r.type as ConcernEventType;
  const moved = type === 'escalated' || type === 'returned';
  return {
    at: toIso(r.createdAt)!,
    concernId: Number(r.concernId),
    type,
    label: actionLabel(type, r.toLevel),
    toLevel: moved ? ((r.toLevel as HolderLevel | null) ?? null) : null,
    categoryLabel: ConcernCategoryLabels[r.category as ConcernCategory] ?? r.category,
    placeLabel: r.communityName ? placeLabelOf({ ...r, communityName: r.communityName, buildingName: r.buildingName ?? '', unitName: r.unitName ?? '' }) : null,
    note: r.note,
  };
}

export function toDiaryNote(n: Pick<DiaryNoteEntity, 'id' | 'text' | 'createdAt'>): DiaryNote {
  return { id: Number(n.id), at: toIso(n.createdAt)!, text: n.text };
}

export function toDiaryPerson(p: PersonRow): DiaryPerson {
  const areaName =
    p.role === 'grid_worker' ? p.gridName
    : p.role === 'community_staff' ? p.communityName
    : p.role === 'street_admin' ? p.streetName
    : p.role === 'department' ? p.departmentName
    : null;
  return { id: p.id, name: p.name, role: p.role, roleLabel: RoleLabels[p.role] ?? p.role, areaName: areaName ?? null };
}
