import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { SessionOutcome } from '@contracts/deliberation-outcomes.contract';
import { MINUTES_MAX } from '@contracts/deliberation-outcomes.constants';
import { createMinutes, updateMinutes } from '@/services/deliberation-staff.api';
import { ApiError, errorMessage } from '@/services/request';

const CONFLICTS = ['MINUTES_STATE_CONFLICT', 'MINUTES_ALREADY_RECORDED'];

/**
 * The minutes text: filled from the server until staff start typing; saved as the first minutes or as
 * a change of the version read. When someone else saved in between, the newest text is shown beside
 * the draft (nothing typed is lost) and the next save goes on top of it.
 */
export function useMinutesDraft(sessionId: number | null, outcome: SessionOutcome | null, reloadOutcome: () => Promise<void>) {
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const dirty = useRef(false);
  const minutes = outcome?.minutes ?? null;

  useEffect(() => {
    if (!dirty.current) setText(minutes?.text ?? '');
  }, [minutes?.text, minutes?.version]);

  const save = async () => {
    if (!sessionId || saving) return;
    const value = text.trim();
    if (!value) {
      setError('请先写下纪要');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      if (minutes) await updateMinutes(sessionId, value, minutes.version);
      else await createMinutes(sessionId, value);
      dirty.current = false;
      setConflict(false);
      void Taro.showToast({ title: '纪要已保存', icon: 'success' });
      await reloadOutcome();
    } catch (e) {
      if (e instanceof ApiError && CONFLICTS.includes(e.code)) {
        await reloadOutcome();
        setConflict(true);
        setError('纪要刚被其他工作人员保存过，最新内容在下面。请核对后再点“保存纪要”，会用您的内容覆盖。');
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  };

  return {
    text,
    setText: (v: string) => {
      dirty.current = true;
      setText(v.slice(0, MINUTES_MAX));
    },
    max: MINUTES_MAX,
    saving,
    error,
    /** The text someone else saved, while it differs from the draft. */
    theirs: conflict && minutes && minutes.text !== text ? minutes.text : null,
    save: () => void save(),
  };
}
