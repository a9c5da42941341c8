import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { HelpRequestItem, VolunteerItem } from '@contracts/volunteers.contract';
import { useMe } from '@/hooks/use-me';
import { listMyHelpRequests } from '@/services/help-requests.api';
import { errorMessage } from '@/services/request';
import { Routes, volAskProxyUrl, volRequestUrl } from '@/services/routes';
import { canAskForResident, canDispatch, canOpenStaffRewards, canReviewVolunteers, canRunActivities, canUseVolunteerServices } from '@/services/permissions';
import { getMyVolunteer } from '@/services/volunteers.api';

const ACTIVE = new Set(['open', 'filled', 'done']);

interface ResidentData {
  volunteer: VolunteerItem | null;
  /** My requests still under way (待接单, 已接单, 待确认). */
  active: HelpRequestItem[];
}

/** My application and my requests under way, loaded each time the tab shows (residents with a unit). */
function useResidentData() {
  const [data, setData] = useState<ResidentData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const load = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    try {
      const [volunteer, mine] = await Promise.all([getMyVolunteer(), listMyHelpRequests(null)]);
      if (gen === generation.current) setData({ volunteer, active: mine.items.filter((r) => ACTIVE.has(r.status)) });
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    }
  }, []);
  return { data, error, load };
}

const go = (url: string) => () => void Taro.navigateTo({ url });

/** The 小红帽 tab: ask for help and my requests; the volunteer's entries; the staff's entries. */
export function useVolunteersModel() {
  // Counts page shows (and 重试): each one reloads what the resident sees, once the user is known.
  const [shows, setShows] = useState(0);
  const me = useMe(useCallback(() => setShows((n) => n + 1), []));
  const resident = useResidentData();
  const user = me.me;
  const role = user?.role;
  const hasUnit = !!user?.unit;
  const { load } = resident;
  const residentView = !!user && canUseVolunteerServices(role);
  const residentUnit = residentView && user.unit ? user.unit.unitId : null;

  useEffect(() => {
    if (residentUnit !== null) void load();
  }, [residentUnit, shows, load]);

  return {
    loading: (me.loading && !user) || (residentView && hasUnit && !resident.data && !resident.error),
    error: me.error ?? (residentView ? resident.error : null),
    reload: () => void me.reload(),
    noUnit: residentView && !hasUnit,
    resident: residentView && hasUnit ? resident.data : null,
    staff: user && !residentView
      ? { dispatch: canDispatch(role), proxy: canAskForResident(role), review: canReviewVolunteers(role), activities: canRunActivities(role), rewards: canOpenStaffRewards(role) }
      : null,
    goChooseUnit: go(Routes.chooseUnit),
    goAsk: go(Routes.volAsk),
    goAskForResident: go(volAskProxyUrl()),
    goRequests: go(Routes.volRequests),
    openRequest: (id: number) => void Taro.navigateTo({ url: volRequestUrl(id) }),
    goApply: go(Routes.volApply),
    goHall: go(Routes.volHall),
    goTasks: go(Routes.volTasks),
    goHours: go(Routes.volHours),
    goRewards: go(Routes.volRewards),
    goActivities: go(Routes.volActivities),
    goDispatch: go(Routes.volStaffDispatch),
    goStaffVolunteers: go(Routes.volStaffVolunteers),
    goStaffActivities: go(Routes.volStaffActivities),
    goStaffRewards: go(Routes.volStaffRewards),
  };
}
