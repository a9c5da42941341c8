import { useState } from 'react';
import Taro from '@tarojs/taro';
import type {
  ResolutionHistoryEntry, ResolutionItem, ResolutionStatus,
} from '@contracts/deliberation-outcomes.contract';
import { RESOLUTION_NOTE_MAX, RESOLUTION_TEXT_MAX } from '@contracts/deliberation-outcomes.constants';
import { useAction } from '@/hooks/use-action';
import { addResolution, addResolutionNote, changeResolutionStatus, getResolution } from '@/services/deliberation-staff.api';
import { ApiError } from '@/services/request';
import { volStaffActivitiesFromResolutionUrl } from '@/services/routes';
import { noteNeeded } from '../shared/labels';

interface ResolutionFields {
  text: string;
  agendaItemId: number | null;
  ownerName: string;
  dueDate: string;
}
const EMPTY: ResolutionFields = { text: '', agendaItemId: null, ownerName: '', dueDate: '' };

type Panel = { id: number; kind: 'status'; to: ResolutionStatus | null } | { id: number; kind: 'note' };

function resolutionProblem(f: ResolutionFields, today: string): string | null {
  if (!f.text.trim()) return '请写下决议的内容，例如：遛狗一律拴绳';
  if (!f.ownerName.trim()) return '请填写由谁负责落实，例如：物业公司';
  if (f.ownerName.trim().length > 50) return '负责方最多 50 字';
  if (!f.dueDate) return '请选择完成期限';
  if (f.dueDate < today) return '完成期限不能早于今天';
  return null;
}

/**
 * Resolutions of a session: record one; change its status (with a reason where needed); progress notes; history;
 * 发起志愿活动 (the 小红帽 activities screen, its form filled from the resolution).
 */
export function useResolutions(sessionId: number | null, today: string, reloadOutcome: () => Promise<void>) {
  const [fields, setFields] = useState<ResolutionFields | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [note, setNote] = useState('');
  const [histories, setHistories] = useState<Record<number, ResolutionHistoryEntry[]>>({});
  const action = useAction();

  const add = async () => {
    if (!fields || !sessionId) return;
    const problem = resolutionProblem(fields, today);
    if (problem) {
      action.setError(problem);
      return;
    }
    const body = {
      text: fields.text.trim(),
      ownerName: fields.ownerName.trim(),
      dueDate: fields.dueDate,
      ...(fields.agendaItemId ? { agendaItemId: fields.agendaItemId } : {}),
    };
    if (await action.run('add', () => addResolution(sessionId, body), '决议已记录')) {
      setFields(null);
      await reloadOutcome();
    }
  };

  /** Runs a change of one resolution; shows its history afterwards; a stale version reloads the list. */
  const change = async (r: ResolutionItem, key: string, work: () => ReturnType<typeof getResolution>, doneText: string) => {
    const ok = await action.run(key, async () => {
      try {
        const detail = await work();
        setHistories((h) => ({ ...h, [r.id]: detail.history }));
      } catch (e) {
        if (e instanceof ApiError && e.code === 'RESOLUTION_STATE_CONFLICT') await reloadOutcome();
        throw e;
      }
    }, doneText);
    if (ok) {
      setPanel(null);
      setNote('');
      await reloadOutcome();
    }
  };

  const submitStatus = (r: ResolutionItem) => {
    if (panel?.kind !== 'status' || panel.id !== r.id) return;
    const to = panel.to;
    if (!to) {
      action.setError('请选择新的状态');
      return;
    }
    const needed = noteNeeded(r.status, to);
    if (needed && !note.trim()) {
      action.setError(`请写明${needed}`);
      return;
    }
    const body = { to, version: r.version, ...(note.trim() ? { note: note.trim() } : {}) };
    void change(r, 'status', () => changeResolutionStatus(r.id, body), '状态已更新');
  };

  const submitNote = (r: ResolutionItem) => {
    if (!note.trim()) {
      action.setError('请写下进展');
      return;
    }
    void change(r, 'note', () => addResolutionNote(r.id, note.trim()), '进展已记录');
  };

  const toggleHistory = (r: ResolutionItem) => {
    if (histories[r.id]) {
      setHistories((h) => {
        const next = { ...h };
        delete next[r.id];
        return next;
      });
      return;
    }
    void action.run(`history-${r.id}`, async () => {
      const detail = await getResolution(r.id);
      setHistories((h) => ({ ...h, [r.id]: detail.history }));
    });
  };

  const patch = (p: Partial<ResolutionFields>) => setFields((f) => (f ? { ...f, ...p } : f));
  const openPanel = (p: Panel) => {
    action.setError(null);
    setNote('');
    setPanel(p);
  };
  return {
    fields,
    panel,
    note,
    histories,
    busy: action.busy,
    error: action.error,
    startAdd: () => {
      action.setError(null);
      setPanel(null);
      setFields(EMPTY);
    },
    cancelAdd: () => {
      action.setError(null);
      setFields(null);
    },
    setText: (v: string) => patch({ text: v.slice(0, RESOLUTION_TEXT_MAX) }),
    setAgendaItem: (id: number) => patch({ agendaItemId: fields?.agendaItemId === id ? null : id }),
    setOwner: (v: string) => patch({ ownerName: v.slice(0, 50) }),
    setDueDate: (v: string) => patch({ dueDate: v }),
    add: () => void add(),
    openStatus: (r: ResolutionItem) => openPanel({ id: r.id, kind: 'status', to: null }),
    openNote: (r: ResolutionItem) => openPanel({ id: r.id, kind: 'note' }),
    chooseStatus: (to: ResolutionStatus) => setPanel((p) => (p?.kind === 'status' ? { ...p, to } : p)),
    setNote: (v: string) => setNote(v.slice(0, RESOLUTION_NOTE_MAX)),
    closePanel: () => {
      action.setError(null);
      setPanel(null);
    },
    submitStatus,
    submitNote,
    toggleHistory,
    startActivity: (r: ResolutionItem) => void Taro.navigateTo({ url: volStaffActivitiesFromResolutionUrl(r.id) }),
  };
}

export type Resolutions = ReturnType<typeof useResolutions>;
