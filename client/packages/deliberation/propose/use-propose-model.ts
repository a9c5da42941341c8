import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ConcernItem } from '@contracts/concerns.contract';
import { ConcernCategories, ConcernCategoryLabels, type ConcernCategory } from '@contracts/concerns.constants';
import { TOPIC_CONCERNS_MAX, TOPIC_TEXT_MAX, TOPIC_TITLE_MAX } from '@contracts/deliberation-topics.constants';
import { listMyConcerns } from '@/services/concerns.api';
import { proposeTopic } from '@/services/deliberation.api';
import { deliberationTopicUrl, Routes } from '@/services/routes';
import { randomId } from '@/utils/format';
import { submitProblem, type FieldErrors, type ProposeField } from './propose-errors';

interface Fields {
  title: string;
  problem: string;
  hope: string;
  category: ConcernCategory | null;
  concernIds: number[];
}

const EMPTY: Fields = { title: '', problem: '', hope: '', category: null, concernIds: [] };

/** The same words as the server's checks, so nobody waits for an answer to learn a field is empty. */
function missing(f: Fields): FieldErrors {
  const errors: FieldErrors = {};
  if (!f.title.trim()) errors.title = '请填写议题标题';
  if (!f.problem.trim()) errors.problem = '请写明存在什么问题';
  if (!f.hope.trim()) errors.hope = '请写明希望怎样解决';
  if (!f.category) errors.category = '请选择议题类别';
  return errors;
}

/** My own concerns that can be linked to the topic (the first page; optional). */
function useMyConcerns() {
  const [items, setItems] = useState<ConcernItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    listMyConcerns()
      .then((page) => setItems(page.items))
      .catch(() => setFailed(true));
  }, []);
  return { items, failed };
}

export function useProposeModel() {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [unitRequired, setUnitRequired] = useState(false);
  const [busy, setBusy] = useState(false);
  // One key per version of the form: a retry after a lost answer cannot create the topic twice.
  const key = useRef<string | null>(null);
  const concerns = useMyConcerns();

  const edit = (field: ProposeField, change: Partial<Fields>) => {
    key.current = null;
    setFields((prev) => ({ ...prev, ...change }));
    setFieldErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const toggleConcern = (id: number) => {
    const on = fields.concernIds.includes(id);
    if (!on && fields.concernIds.length >= TOPIC_CONCERNS_MAX) {
      setFieldErrors((prev) => ({ ...prev, concerns: `最多关联 ${TOPIC_CONCERNS_MAX} 条问题` }));
      return;
    }
    edit('concerns', { concernIds: on ? fields.concernIds.filter((x) => x !== id) : [...fields.concernIds, id] });
  };

  const submit = async () => {
    if (busy) return;
    const problems = missing(fields);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0 || !fields.category) {
      setError('还有没填好的地方，请看下面红字提示');
      return;
    }
    setError(null);
    setBusy(true);
    key.current = key.current ?? randomId();
    try {
      const topic = await proposeTopic(
        { title: fields.title, problem: fields.problem, hope: fields.hope, category: fields.category, concernIds: fields.concernIds },
        key.current,
      );
      void Taro.showToast({ title: '议题已提交', icon: 'success' });
      void Taro.redirectTo({ url: deliberationTopicUrl(topic.id) });
    } catch (e) {
      const p = submitProblem(e);
      setError(p.message);
      setFieldErrors(p.fields);
      setUnitRequired(p.unitRequired);
    } finally {
      setBusy(false);
    }
  };

  return {
    fields,
    fieldErrors,
    error,
    unitRequired,
    busy,
    limits: { title: TOPIC_TITLE_MAX, text: TOPIC_TEXT_MAX },
    categories: ConcernCategories.map((c) => ({ key: c, label: ConcernCategoryLabels[c] })),
    concerns: concerns.items,
    concernsFailed: concerns.failed,
    setTitle: (title: string) => edit('title', { title: title.slice(0, TOPIC_TITLE_MAX) }),
    setProblem: (problem: string) => edit('problem', { problem: problem.slice(0, TOPIC_TEXT_MAX) }),
    setHope: (hope: string) => edit('hope', { hope: hope.slice(0, TOPIC_TEXT_MAX) }),
    setCategory: (category: ConcernCategory) => edit('category', { category }),
    toggleConcern,
    submit: () => void submit(),
    goChooseUnit: () => void Taro.navigateTo({ url: Routes.chooseUnit }),
  };
}
