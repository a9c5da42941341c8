import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { ErrorCode } from '@contracts/errors';
import { HELP_REQUEST_TEXT_MAX, VOLUNTEERS_NEEDED_MAX, VolunteerSkillLabels, VolunteerSkills, WINDOW_MAX_DAYS_AHEAD, type VolunteerSkill } from '@contracts/volunteers.constants';
import { chinaDayString, DayChoices, PartsOfDay, type DayChoice, type HelpWindow, type PartOfDay } from '@/components/volunteers/help-window';
import { useMe } from '@/hooks/use-me';
import { useUnitPicker } from '@/hooks/use-unit-picker';
import { createHelpRequest, createProxyHelpRequest } from '@/services/help-requests.api';
import { canAskForResident } from '@/services/permissions';
import { ApiError, errorMessage } from '@/services/request';
import { Routes, volRequestUrl } from '@/services/routes';
import { randomId } from '@/utils/format';
import { askErrors, EMPTY_ASK, windowFor, type AskErrors, type AskField, type AskFields } from './ask-fields';

/** The body fields both routes share. */
function helpBody(f: AskFields, w: HelpWindow) {
  const place = f.placeDetail.trim();
  return {
    skill: f.skill as VolunteerSkill,
    description: f.description.trim(),
    ...w,
    ...(place ? { placeDetail: place } : {}),
    volunteersNeeded: f.volunteersNeeded,
  };
}

/**
 * 请人帮忙: what help, a short description, when, where, how many. `?proxy=1` is the grid worker's 代人求助: first
 * the resident's unit, then the same form plus the resident's name. One idempotency key per draft: a retry after
 * a lost answer reuses it (one request only); any change to the form starts a new key.
 */
export function useAskModel() {
  const proxy = useRouter().params.proxy === '1';
  const me = useMe();
  const gridName = me.me?.scope?.level === 'grid' ? me.me.scope.name : null;
  const picker = useUnitPicker({ gridName, final: 'done' });
  const [fields, setFields] = useState<AskFields>(EMPTY_ASK);
  const [errors, setErrors] = useState<AskErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [unitRequired, setUnitRequired] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);

  useEffect(() => {
    if (proxy) void picker.loadCommunities();
  }, [proxy]);

  const edit = (field: AskField | null, change: Partial<AskFields>) => {
    key.current = null;
    setFields((prev) => ({ ...prev, ...change }));
    if (field) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const send = (w: HelpWindow, attempt: string) => {
    if (!proxy) return createHelpRequest(helpBody(fields, w), attempt);
    const phone = fields.residentPhone.trim();
    return createProxyHelpRequest(
      { ...helpBody(fields, w), unitId: picker.unit!.id, residentName: fields.residentName.trim(), ...(phone ? { residentPhone: phone } : {}) },
      attempt,
    );
  };

  const submit = async () => {
    if (inFlight.current || (proxy && !picker.unit)) return;
    const now = new Date();
    const problems = askErrors(fields, proxy, now);
    setErrors(problems);
    const w = windowFor(fields, now);
    if (Object.keys(problems).length > 0 || typeof w === 'string') {
      setError('还有没填好的地方，请看红字提示');
      return;
    }
    const attempt = key.current ?? randomId();
    key.current = attempt;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setUnitRequired(false);
    try {
      const created = await send(w, attempt);
      void Taro.showToast({ title: '已发出求助', icon: 'success' });
      void Taro.redirectTo({ url: volRequestUrl(created.id) });
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.code === ErrorCode.HELP_REQUEST_WINDOW_INVALID) setErrors({ when: e.message });
      if (e instanceof ApiError && e.code === ErrorCode.UNIT_REQUIRED) setUnitRequired(true);
      // Only an answer that may not have arrived keeps the key: the retry must not post twice.
      if (!(e instanceof ApiError && e.outcomeUnknown)) key.current = null;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const today = new Date();
  return {
    proxy,
    picker,
    gridName,
    /** Proxy mode: the form shows once the unit is chosen. */
    showForm: !proxy || picker.step === 'done',
    notAllowed: proxy && !!me.me && !canAskForResident(me.me.role),
    meError: me.error,
    reloadMe: () => void me.reload(),
    placeLabel: proxy ? picker.unitLabel : me.me?.unit?.label ?? '',
    fields,
    errors,
    error,
    unitRequired,
    busy,
    maxText: HELP_REQUEST_TEXT_MAX,
    maxNeeded: VOLUNTEERS_NEEDED_MAX,
    skills: VolunteerSkills.map((s) => ({ key: s, label: VolunteerSkillLabels[s] })),
    days: DayChoices,
    parts: PartsOfDay.map((p) => ({ key: p.key, label: p.label })),
    firstDay: chinaDayString(today),
    lastDay: chinaDayString(today, WINDOW_MAX_DAYS_AHEAD),
    setSkill: (skill: VolunteerSkill) => edit('skill', { skill }),
    setDescription: (v: string) => edit('description', { description: v.slice(0, HELP_REQUEST_TEXT_MAX) }),
    setDay: (day: DayChoice) => edit('when', { day }),
    setPickedDay: (pickedDay: string) => edit('when', { day: 'pick', pickedDay }),
    setPart: (part: PartOfDay) => edit('when', { part }),
    setPlaceDetail: (v: string) => edit(null, { placeDetail: v.slice(0, 100) }),
    changeNeeded: (delta: number) => edit(null, { volunteersNeeded: Math.min(VOLUNTEERS_NEEDED_MAX, Math.max(1, fields.volunteersNeeded + delta)) }),
    setResidentName: (v: string) => edit('residentName', { residentName: v.slice(0, 30) }),
    setResidentPhone: (v: string) => edit('residentPhone', { residentPhone: v.trim().slice(0, 11) }),
    submit: () => void submit(),
    goChooseUnit: () => void Taro.navigateTo({ url: Routes.chooseUnit }),
  };
}
