import { useEffect, useRef, useState } from 'react';
import {
  HOUSEHOLDS_MAX, HOUSEHOLDS_MIN, SetupKindLabels, type SetupKind, type SetupNode, type SetupTree,
} from '@contracts/setup.contract';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canSetUpOrganisation } from '@/services/permissions';
import {
  createBuilding, createCommunity, createDepartment, createGrid, createTeam, createUnit, getSetupTree, restoreArea, retireArea, updateArea,
} from '@/services/setup.api';

/** The one open form: where it shows (`at`, the key of the card it belongs to) and what saving does. */
export type Editor =
  | { op: 'create'; kind: SetupKind; parentId: number | null; at: string; title: string }
  | { op: 'edit'; kind: SetupKind; id: number; at: string; title: string }
  | { op: 'move'; id: number; at: string; title: string; communityId: number; fromGridId: number };

export interface SetupTarget {
  kind: SetupKind;
  id: number;
  name: string;
}

/** A card's key in the open set and as a form's place: communities-1, grids-3, buildings-7 … (new items: `<parent key>-new`). */
export const keyOf = (kind: SetupKind, id: number) => `${kind}-${id}`;

/** Households typed by staff: '' is "not known yet"; otherwise a whole number 1–5000. */
export function parseHouseholds(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (!t) return { ok: true, value: null };
  if (!/^\d+$/.test(t) || Number(t) < HOUSEHOLDS_MIN || Number(t) > HOUSEHOLDS_MAX) {
    return { ok: false, message: `户数请填 ${HOUSEHOLDS_MIN} 到 ${HOUSEHOLDS_MAX} 之间的整数（一般一个网格 300–500 户），不知道可以先空着` };
  }
  return { ok: true, value: Number(t) };
}

/** 组织架构: the tree, one form at a time (add, rename, households, move), retire with a question, restore. */
export function useOrgModel() {
  const [withRetired, setWithRetired] = useState(false);
  const tree = useResource<SetupTree>(() => getSetupTree(withRetired));
  const gate = useRoleGate(canSetUpOrganisation, () => tree.reload());
  const action = useAction<string>();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [editor, setEditor] = useState<Editor | null>(null);
  const [name, setName] = useState('');
  const [households, setHouseholds] = useState('');
  const [moveTo, setMoveTo] = useState<number | null>(null);

  const expand = (key: string) => setOpen((o) => ({ ...o, [key]: true }));
  const toggle = (key: string) => setOpen((o) => ({ ...o, [key]: !o[key] }));

  const startCreate = (kind: SetupKind, parentId: number | null, at: string) => {
    setEditor({ op: 'create', kind, parentId, at, title: `新建${SetupKindLabels[kind]}` });
    setName('');
    setHouseholds('');
    action.setError(null);
  };

  const startEdit = (t: SetupTarget, currentHouseholds?: number | null) => {
    setEditor({ op: 'edit', kind: t.kind, id: t.id, at: keyOf(t.kind, t.id), title: t.kind === 'grids' ? '修改网格名称和户数' : `修改${SetupKindLabels[t.kind]}名称` });
    setName(t.name);
    setHouseholds(currentHouseholds === null || currentHouseholds === undefined ? '' : String(currentHouseholds));
    action.setError(null);
  };

  const startMove = (buildingId: number, communityId: number, fromGridId: number) => {
    setEditor({ op: 'move', id: buildingId, at: keyOf('buildings', buildingId), title: '调到本社区的另一个网格', communityId, fromGridId });
    setMoveTo(null);
    action.setError(null);
  };

  const cancel = () => {
    setEditor(null);
    action.setError(null);
  };

  /** What saving the open form sends; null (with the reason shown) when the form is not filled in right. */
  const send = (e: Editor): (() => Promise<SetupNode>) | null => {
    if (e.op === 'move') {
      if (moveTo === null) return fail('请先选要调到哪个网格');
      return () => updateArea('buildings', e.id, { gridId: moveTo });
    }
    const n = name.trim();
    if (!n) return fail('请填写名称');
    const h = parseHouseholds(households);
    if (e.kind === 'grids' && !h.ok) return fail(h.message);
    const hv = h.ok ? h.value : null;
    if (e.op === 'edit') return () => updateArea(e.kind, e.id, e.kind === 'grids' ? { name: n, households: hv } : { name: n });
    const pid = e.parentId!;
    const creators: Record<SetupKind, () => Promise<SetupNode>> = {
      communities: () => createCommunity(n),
      grids: () => createGrid(pid, { name: n, households: hv }),
      buildings: () => createBuilding(pid, n),
      units: () => createUnit(pid, n),
      departments: () => createDepartment(n),
      'volunteer-teams': () => createTeam({ name: n, communityId: e.parentId }),
    };
    return creators[e.kind];
  };

  const fail = (message: string) => {
    action.setError(message);
    return null;
  };

  const save = async () => {
    if (!editor) return;
    const work = send(editor);
    if (!work) return;
    const e = editor;
    const done = await action.run('save', async () => {
      const node = await work();
      // The new item shows where it was added: its parent stays open, and so does the new item.
      if (e.op === 'create') {
        if (e.parentId !== null) expand(parentKey(e.kind, e.parentId));
        expand(keyOf(node.kind, node.id));
      }
      await tree.reload();
    }, e.op === 'create' ? '已新建' : '已保存');
    if (done) setEditor(null);
  };

  const retire = async (t: SetupTarget) => {
    const label = SetupKindLabels[t.kind];
    const ok = await confirmAction(`停用${label}`, `停用${label}“${t.name}”？停用后新的选择里不再出现它；已有的问题、记录和历史都保留，以后也可以恢复。`, '停用');
    if (!ok) return;
    await action.run(`retire-${keyOf(t.kind, t.id)}`, async () => {
      await retireArea(t.kind, t.id);
      await tree.reload();
    }, '已停用');
  };

  const restore = (t: SetupTarget) =>
    void action.run(`restore-${keyOf(t.kind, t.id)}`, async () => {
      await restoreArea(t.kind, t.id);
      await tree.reload();
    }, '已恢复');

  // Showing or hiding retired items asks again (useResource runs the latest fetch, so after the render).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void tree.reload();
  }, [withRetired]);

  return {
    gate, tree, withRetired, showRetired: setWithRetired,
    open, toggle, editor, name, setName, households, setHouseholds, moveTo, setMoveTo,
    startCreate, startEdit, startMove, cancel, save: () => void save(), retire: (t: SetupTarget) => void retire(t), restore,
    busy: action.busy, error: action.error,
  };
}

/** The key of the card a new item of `kind` is added under. */
function parentKey(kind: SetupKind, parentId: number): string {
  const parent: Record<SetupKind, SetupKind> = {
    communities: 'communities', grids: 'communities', buildings: 'grids', units: 'buildings', departments: 'departments', 'volunteer-teams': 'communities',
  };
  return keyOf(parent[kind], parentId);
}

export type OrgModel = ReturnType<typeof useOrgModel>;
