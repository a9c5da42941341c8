import { useState } from 'react';
import Taro from '@tarojs/taro';
import { useRoleGate } from '@/hooks/use-role-gate';
import { Routes } from '@/services/routes';
import { canCheckInAttendees, canRunDeliberation } from '../shared/access';
import { useRepresentativesSection } from './use-representatives-section';
import { useSeriesSection } from './use-series-section';
import { useSessionsSection } from './use-sessions-section';
import { useSettingsSection } from './use-settings-section';

type HubTab = 'sessions' | 'series' | 'settings' | 'representatives';
const hubTabs: ReadonlyArray<{ key: HubTab; label: string }> = [
  { key: 'sessions', label: '近期议事' },
  { key: 'series', label: '议事安排' },
  { key: 'settings', label: '议题门槛' },
  { key: 'representatives', label: '居民代表' },
];

/**
 * The 议事亭 hub. Community staff: sessions (with cancel / move and the links to each session's agenda,
 * check-in, votes, minutes), series, community settings and representatives. Grid workers: the
 * sessions with their check-in link only.
 */
export function useSeriesModel() {
  const [tab, setTab] = useState<HubTab>('sessions');
  const sessions = useSessionsSection();
  const series = useSeriesSection(sessions.sessions.reload);
  const settings = useSettingsSection();
  const reps = useRepresentativesSection(sessions.sessions.data);

  const gate = useRoleGate(canCheckInAttendees, async (me) => {
    const full = canRunDeliberation(me.role);
    await Promise.all([
      sessions.sessions.reload(),
      ...(full ? [sessions.held.reload(), series.series.reload(), settings.settings.reload(), reps.reps.reload()] : []),
    ]);
  });
  const full = canRunDeliberation(gate.role);

  return {
    gate,
    /** Community staff get everything; grid workers only the sessions' check-in. */
    full,
    tab: full ? tab : 'sessions',
    tabs: hubTabs,
    setTab,
    sessions,
    series,
    settings,
    reps,
    goTriage: () => void Taro.navigateTo({ url: Routes.delibStaffTriage }),
  };
}
