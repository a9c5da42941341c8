import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { VoteItem } from '@contracts/deliberation-votes.contract';
import { chinaDateTime } from '@/components/deliberation/china-time';
import { registrationView } from '@/components/deliberation/registration';
import { useIdParam } from '@/hooks/use-id-param';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { useRegistration } from '@/pages/deliberation/use-registration';
import { canTakePart, getAgenda, getSession, getSessionOutcome, listSessionVotes } from '@/services/deliberation.api';
import { deliberationResolutionUrl, deliberationSessionUrl, deliberationTopicUrl } from '@/services/routes';
import { addSessionToCalendar } from '../shared/calendar';
import { copyLink, useShareCard } from '../shared/share';
import { useVotes } from './use-votes';

const NOT_FOUND = '没有找到这场议事';

export function useSessionModel() {
  const param = useIdParam();
  const valid = param !== null;
  const id = param ?? 0;

  const session = useResource(() => getSession(id));
  const agenda = useResource(() => getAgenda(id));
  const votes = useResource(() => listSessionVotes(id));
  const outcome = useResource(() => getSessionOutcome(id));
  const { reload: reloadSession } = session;
  const { reload: reloadAgenda } = agenda;
  const { reload: reloadVotes } = votes;
  const { reload: reloadOutcome } = outcome;

  const loadAll = useCallback(async () => {
    if (!valid) return;
    await Promise.all([reloadSession(), reloadAgenda(), reloadVotes(), reloadOutcome()]);
  }, [valid, reloadSession, reloadAgenda, reloadVotes, reloadOutcome]);
  const me = useMe(loadAll);

  const registration = useRegistration(reloadSession);
  const setVotes = votes.setData;
  const replaceVote = useCallback(
    (vote: VoteItem) => setVotes((prev) => (prev ? prev.map((v) => (v.id === vote.id ? vote : v)) : prev)),
    [setVotes],
  );
  const voting = useVotes(replaceVote);

  const s = session.data;
  const path = deliberationSessionUrl(id);
  const firstTopic = agenda.data?.items[0]?.title;
  useShareCard(
    s ? { title: `邻里议事：${firstTopic ? `${firstTopic}，` : ''}${chinaDateTime(s.startsAt)}在${s.place}`, path } : null,
    { title: '邻里议事亭', path },
  );

  const [calendarBusy, setCalendarBusy] = useState(false);
  const addToCalendar = async () => {
    if (!s || calendarBusy) return;
    setCalendarBusy(true);
    try {
      const message = await addSessionToCalendar(s);
      if (message) void Taro.showToast({ title: message, icon: 'none' });
    } finally {
      setCalendarBusy(false);
    }
  };

  const pageError = session.error;
  const ended = !!s && s.status === 'scheduled' && Date.now() >= new Date(s.endsAt).getTime();
  const upcoming = s && s.status === 'scheduled' && !ended;
  const isResident = canTakePart(me.me?.role);
  const mine = s?.mine && s.mine.status === 'confirmed' ? s.mine : null;

  return {
    id,
    /** The link had no usable id. */
    invalid: valid ? null : NOT_FOUND,
    session: s,
    view: s ? registrationView(s) : null,
    loading: valid && (me.loading || session.loading) && !s,
    pageError: me.error ?? pageError,
    reload: () => void me.reload(),
    ended,
    isResident,
    /** My confirmed registration (its check-in code is shown as a QR code). */
    ticket: isResident ? mine : null,
    registration,
    agenda,
    /** The agenda's error, unless it is already the page's. */
    agendaError: pageError === agenda.error ? null : agenda.error,
    votes,
    voting,
    outcome,
    canAddToCalendar: !!upcoming,
    calendarBusy,
    addToCalendar: () => void addToCalendar(),
    copyLink: () => void copyLink(path),
    openTopic: (topicId: number) => void Taro.navigateTo({ url: deliberationTopicUrl(topicId) }),
    openResolution: (resolutionId: number) => void Taro.navigateTo({ url: deliberationResolutionUrl(resolutionId) }),
  };
}
