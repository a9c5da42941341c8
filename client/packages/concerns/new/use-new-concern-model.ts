import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ConcernCategory } from '@contracts/concerns.contract';
import { CONCERN_TEXT_MAX, ConcernCategories, ConcernCategoryLabels } from '@contracts/concerns.constants';
import { ErrorCode } from '@contracts/errors';
import { createConcern } from '@/services/concerns.api';
import { ApiError, errorMessage } from '@/services/request';
import { concernDetailUrl, Routes } from '@/services/routes';
import { randomId } from '@/utils/format';
import { clearDraft, loadDraft, saveDraft, type ConcernDraft } from './concern-draft';

export const categoryTiles = ConcernCategories.map((key) => ({ key, label: ConcernCategoryLabels[key] }));

export function useNewConcernModel() {
  const [draft, setDraft] = useState<ConcernDraft>(() => loadDraft());
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unitRequired, setUnitRequired] = useState(false);
  const inFlight = useRef(false);

  const update = (next: ConcernDraft) => {
    setDraft(next);
    saveDraft(next);
  };
  const edit = (change: Partial<ConcernDraft>) => {
    setDraft((prev) => {
      // Any edit makes a new submission: forget the old idempotency key.
      const next = { ...prev, ...change, idempotencyKey: null };
      saveDraft(next);
      return next;
    });
  };

  const setCategory = (category: ConcernCategory) => {
    edit({ category });
    setError(null);
  };
  const setText = (text: string) => edit({ text: text.slice(0, CONCERN_TEXT_MAX) });

  const submit = async () => {
    if (inFlight.current) return;
    const text = draft.text.trim();
    if (!draft.category) {
      setError('请先选择问题类别');
      return;
    }
    if (!text) {
      setError('请写下您要反映的事情');
      return;
    }
    // Reuse the key of an attempt whose outcome is unknown, so a retry cannot create a duplicate.
    const key = draft.idempotencyKey ?? randomId();
    const attempt: ConcernDraft = { ...draft, idempotencyKey: key };
    update(attempt);

    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    setUnitRequired(false);
    try {
      const created = await createConcern({ category: draft.category, text, photoIds: [], isPublic: false }, key);
      clearDraft();
      setDraft({ category: null, text: '', idempotencyKey: null });
      void Taro.showToast({ title: '提交成功', icon: 'success' });
      void Taro.redirectTo({ url: concernDetailUrl(created.id) });
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.code === ErrorCode.UNIT_REQUIRED) setUnitRequired(true);
      // A definite rejection: the next tap is a new attempt with a new key.
      if (!(e instanceof ApiError && e.outcomeUnknown)) update({ ...attempt, idempotencyKey: null });
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return {
    draft,
    tiles: categoryTiles,
    maxLength: CONCERN_TEXT_MAX,
    submitting,
    error,
    unitRequired,
    setCategory,
    setText,
    submit,
    goChooseUnit: () => void Taro.navigateTo({ url: Routes.chooseUnit }),
  };
}
