import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import {
  AvailabilitySlotLabels, AvailabilitySlots, VolunteerSkillLabels, VolunteerSkills, type AvailabilitySlot, type VolunteerSkill,
} from '@contracts/volunteers.constants';
import { useAction } from '@/hooks/use-action';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { Routes } from '@/services/routes';
import { applyToVolunteer, getMyVolunteer, listTeams } from '@/services/volunteers.api';

interface Fields {
  teamIds: number[];
  skills: VolunteerSkill[];
  availability: AvailabilitySlot[];
  intro: string;
}

type FieldErrors = Partial<Record<'skills' | 'availability', string>>;

const toggle = <K,>(list: readonly K[], key: K): K[] => (list.includes(key) ? list.filter((x) => x !== key) : [...list, key]);

/** 报名当志愿者: teams, what I can help with, when I am usually free, a few words; then my application's status. */
export function useApplyModel() {
  const data = useResource(async () => {
    const [teams, volunteer] = await Promise.all([listTeams(), getMyVolunteer()]);
    return { teams, volunteer };
  });
  const { reload, setData } = data;
  const me = useMe(useCallback(() => reload(), [reload]));
  const [fields, setFields] = useState<Fields>({ teamIds: [], skills: [], availability: [], intro: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction<'apply'>();

  const submit = async () => {
    const problems: FieldErrors = {};
    if (fields.skills.length === 0) problems.skills = '请至少选一项能帮忙的事';
    if (fields.availability.length === 0) problems.availability = '请至少选一个空闲时间';
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      action.setError('还有没选好的地方，请看红字提示');
      return;
    }
    const intro = fields.intro.trim();
    await action.run('apply', async () => {
      const volunteer = await applyToVolunteer({ teamIds: fields.teamIds, skills: fields.skills, availability: fields.availability, ...(intro ? { intro } : {}) });
      setData((prev) => (prev ? { ...prev, volunteer } : prev));
    }, '报名已提交');
  };

  const v = data.data?.volunteer ?? null;
  return {
    loading: (me.loading || data.loading) && !data.data,
    error: me.error ?? data.error,
    reload: () => void me.reload(),
    loaded: !!data.data,
    volunteer: v,
    /** No application yet, or a declined one: the form (apply again). */
    showForm: !!data.data && (!v || v.status === 'declined'),
    teams: (data.data?.teams ?? []).map((t) => ({ key: t.id, label: t.name })),
    skills: VolunteerSkills.map((s) => ({ key: s, label: VolunteerSkillLabels[s] })),
    slots: AvailabilitySlots.map((s) => ({ key: s, label: AvailabilitySlotLabels[s] })),
    fields,
    errors,
    submitError: action.error,
    busy: action.busy === 'apply',
    toggleTeam: (id: number) => setFields((f) => ({ ...f, teamIds: toggle(f.teamIds, id) })),
    toggleSkill: (s: VolunteerSkill) => {
      setErrors((e) => ({ ...e, skills: undefined }));
      setFields((f) => ({ ...f, skills: toggle(f.skills, s) }));
    },
    toggleSlot: (s: AvailabilitySlot) => {
      setErrors((e) => ({ ...e, availability: undefined }));
      setFields((f) => ({ ...f, availability: toggle(f.availability, s) }));
    },
    setIntro: (intro: string) => setFields((f) => ({ ...f, intro: intro.slice(0, 200) })),
    submit: () => void submit(),
    goBack: () => void Taro.switchTab({ url: Routes.volunteers }),
    goTasks: () => void Taro.navigateTo({ url: Routes.volTasks }),
  };
}
