import { useState } from 'react';
import { useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { getSettings, saveSettings } from '@/services/deliberation-staff.api';

/** The community's support threshold (supports a topic needs to queue) and agenda slots per session. */
export function useSettingsSection() {
  const [threshold, setThreshold] = useState('');
  const [slots, setSlots] = useState('');
  const settings = useResource(async () => {
    const s = await getSettings();
    setThreshold(String(s.supportThreshold));
    setSlots(String(s.agendaSlots));
    return s;
  });
  const action = useAction();

  const save = async () => {
    const t = Number(threshold);
    const n = Number(slots);
    if (!threshold || !Number.isInteger(t) || t < 1 || t > 1000) {
      action.setError('支持数门槛请填 1 到 1000 之间的整数');
      return;
    }
    if (!slots || !Number.isInteger(n) || n < 1 || n > 20) {
      action.setError('每场议程数请填 1 到 20 之间的整数');
      return;
    }
    await action.run('save', async () => settings.setData(await saveSettings({ supportThreshold: t, agendaSlots: n })), '已保存');
  };

  return {
    settings,
    threshold,
    slots,
    setThreshold: (v: string) => setThreshold(v.replace(/\D/g, '').slice(0, 4)),
    setSlots: (v: string) => setSlots(v.replace(/\D/g, '').slice(0, 2)),
    saving: action.busy === 'save',
    error: action.error,
    save: () => void save(),
  };
}

export type SettingsSection = ReturnType<typeof useSettingsSection>;
