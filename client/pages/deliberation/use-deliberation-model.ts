import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { SessionItem } from '@contracts/deliberation.contract';
import type { AgendaResponse } from '@contracts/deliberation-topics.contract';
import { ErrorCode } from '@contracts/errors';
import { useMe } from '@/hooks/use-me';
import { unitPendingText } from '@/services/permissions';
import { canManageDeliberation, canTakePart, getAgenda, isDeliberationMember, listSessions } from '@/services/deliberation.api';
import { ApiError, errorMessage } from '@/services/request';
import { deliberationSessionUrl, Routes } from '@/services/routes';
import { useRegistration } from './use-registration';

/** The agenda of the next session, loaded after the sessions (topics shown on the tab). */
function useNextAgenda() {
  const [agenda, setAgenda] = useState<AgendaResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (sessionId: number | null) => {
    setError(null);
    if (sessionId === null) {
      setAgenda(null);
      return;
    }
    try {
      setAgenda(await getAgenda(sessionId));
    } catch (e) {
      setAgenda(null);
      setError(errorMessage(e));
    }
  }, []);
  return { agenda, error, load };
}

/** The 议事 tab: the next session with sign-up, the following ones, links to topics and resolutions. */
export function useDeliberationModel() {
  const [sessions, setSessions] = useState<SessionItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The server's answer when I belong to no community (UNIT_REQUIRED). */
  const [noCommunity, setNoCommunity] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const nextAgenda = useNextAgenda();
  const loadAgenda = nextAgenda.load;
  const generation = useRef(0);

  const loadSessions = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    try {
      const list = await listSessions();
      if (gen !== generation.current) return;
      setSessions(list);
      setNoCommunity(null);
      const next = list.find((s) => s.status === 'scheduled');
      await loadAgenda(next ? next.id : null);
    } catch (e) {
      if (gen !== generation.current) return;
      if (e instanceof ApiError && e.code === ErrorCode.UNIT_REQUIRED) setNoCommunity(e.message);
      else if (e instanceof ApiError && e.status === 403) setForbidden(true);
      else setError(errorMessage(e));
    }
  }, [loadAgenda]);

  // useMe sends guests to login and reloads the sessions every time the tab shows.
  const me = useMe(loadSessions);
  const role = me.me?.role;
  const registration = useRegistration(loadSessions);

  const next = sessions?.find((s) => s.status === 'scheduled') ?? null;
  const later = sessions?.filter((s) => s !== next) ?? [];
  const member = !me.me || isDeliberationMember(role);

  return {
    me: me.me,
    loading: me.loading,
    error: me.error ?? error,
    reload: () => void me.reload(),
    sessions: member && !noCommunity ? sessions : null,
    next,
    later,
    agenda: nextAgenda.agenda,
    agendaError: nextAgenda.error,
    reloadAgenda: () => void loadAgenda(next ? next.id : null),
    noCommunity: member ? noCommunity : null,
    notMember: (!!me.me && !isDeliberationMember(role)) || forbidden,
    isStreet: role === 'street_admin',
    isResident: canTakePart(role),
    unitPending: unitPendingText(me.me),
    canManage: canManageDeliberation(role),
    registration,
    goChooseUnit: () => void Taro.navigateTo({ url: Routes.chooseUnit }),
    openSession: (id: number) => void Taro.navigateTo({ url: deliberationSessionUrl(id) }),
    goTopics: () => void Taro.navigateTo({ url: Routes.deliberationTopics }),
    goResolutions: () => void Taro.navigateTo({ url: Routes.deliberationResolutions }),
    goSeries: () => void Taro.navigateTo({ url: Routes.delibStaffSeries }),
    goTriage: () => void Taro.navigateTo({ url: Routes.delibStaffTriage }),
  };
}
