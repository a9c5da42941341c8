import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CloseReason, ConcernAction, ConcernDetail } from '@contracts/concerns.contract';
import { photoProblem, uploadedIds, usePhotoUploads, type UploadItem } from '@/hooks/use-photo-uploads';
import {
  acceptConcern,
  closeConcern,
  escalateConcern,
  joinConcern,
  rateConcern,
  reportNotSolved,
  resolveConcern,
  returnConcern,
  startConcern,
  withdrawConcern,
} from '@/services/concerns.api';
import { ApiError, errorMessage } from '@/services/request';
import { ActionDone, ActionForms, DIRECT_ACTIONS } from './concern-actions';

interface Fields {
  note: string;
  rating: number;
  departmentId: number | null;
  closeReason: CloseReason | null;
  photos: UploadItem[];
}

const EMPTY: Fields = { note: '', rating: 0, departmentId: null, closeReason: null, photos: [] };

/** Why the form cannot be sent yet, or null. */
function problemOf(action: ConcernAction, f: Fields, c: ConcernDetail): string | null {
  const form = ActionForms[action];
  if (form?.noteRequired && !f.note.trim()) return form.noteRequired;
  if (action === 'rate' && f.rating < 1) return '请点星星打分（1 到 5 星）';
  if (action === 'escalate' && c.holderLevel === 'street' && !f.departmentId) return '请选择要“吹哨”的职能部门';
  if (action === 'close' && !f.closeReason) return '请选择关闭的原因';
  if (action === 'resolve') return photoProblem(f.photos);
  return null;
}

/** One request per step, with exactly the fields its contract takes. Staff steps send the version seen. */
function send(action: ConcernAction, f: Fields, c: ConcernDetail): Promise<ConcernDetail> {
  const note = f.note.trim();
  const { id, version } = c;
  switch (action) {
    case 'accept':
      return acceptConcern(id, version);
    case 'start':
      return startConcern(id, version);
    case 'resolve':
      return resolveConcern(id, { note, photoIds: uploadedIds(f.photos), version });
    case 'escalate':
      return escalateConcern(id, { reason: note, version, ...(f.departmentId ? { departmentId: f.departmentId } : {}) });
    case 'return':
      return returnConcern(id, { instructions: note, version });
    case 'close':
      return closeConcern(id, { reason: f.closeReason as CloseReason, version, note: note || undefined });
    case 'rate':
      return rateConcern(id, { rating: f.rating, comment: note || undefined });
    case 'not_solved':
      return reportNotSolved(id, note);
    case 'withdraw':
      return withdrawConcern(id, note || undefined);
    case 'me_too':
      return joinConcern(id);
  }
}

/**
 * The buttons of the detail page: exactly `concern.actions`. A tap either acts at once (受理, 开始处理,
 * 我也遇到了) or opens a short form (result, reason, rating …). A 409 means someone else changed the
 * concern first: show the server's message and load the current state.
 */
export function useActionForm(concern: ConcernDetail | null, setConcern: (c: ConcernDetail) => void, reload: () => Promise<void>) {
  const [open, setOpen] = useState<ConcernAction | null>(null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [busy, setBusy] = useState<ConcernAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const set = (change: Partial<Fields>) => setFields((prev) => ({ ...prev, ...change }));
  const photos = usePhotoUploads(fields.photos, (change) => setFields((prev) => ({ ...prev, photos: change(prev.photos) })), setError);

  const run = async (action: ConcernAction, f: Fields) => {
    if (!concern || inFlight.current) return;
    inFlight.current = true;
    setBusy(action);
    setError(null);
    try {
      setConcern(await send(action, f, concern));
      setOpen(null);
      setFields(EMPTY);
      void Taro.showToast({ title: ActionDone[action], icon: 'success' });
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) {
        setOpen(null);
        await reload();
      }
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  const start = (action: ConcernAction) => {
    setError(null);
    if (DIRECT_ACTIONS.includes(action)) {
      void run(action, EMPTY);
      return;
    }
    setFields(EMPTY);
    setOpen(action);
  };

  const confirm = () => {
    if (!concern || !open) return;
    const problem = problemOf(open, fields, concern);
    if (problem) {
      setError(problem);
      return;
    }
    void run(open, fields);
  };

  return {
    open,
    form: open ? (ActionForms[open] ?? null) : null,
    fields,
    busy,
    error,
    start,
    confirm,
    cancel: () => {
      setOpen(null);
      setError(null);
    },
    setNote: (note: string) => set({ note: note.slice(0, 500) }),
    setRating: (rating: number) => set({ rating }),
    setDepartment: (departmentId: number) => set({ departmentId }),
    setCloseReason: (closeReason: CloseReason) => set({ closeReason }),
    addPhotos: photos.add,
    removePhoto: photos.remove,
    retryPhoto: photos.retry,
  };
}
