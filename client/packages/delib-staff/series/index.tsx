import { View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { PageShell } from '@/components/page-shell/page-shell';
import { CHECKIN_ONLY_LINE } from '../shared/access';
import { RepresentativesView } from './representatives-view';
import { SeriesView } from './series-view';
import { SessionsView } from './sessions-view';
import { SettingsView } from './settings-view';
import { useSeriesModel } from './use-series-model';
import './index.scss';

export default function DelibStaffSeriesPage() {
  const m = useSeriesModel();
  const g = m.gate;
  return (
    <PageShell className='delib-series-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={CHECKIN_ONLY_LINE}>
        {m.full ? (
          <View>
            <BigButton id='hub-triage' text='议题分拣（排队、上会、合并、不采纳）' onClick={m.goTriage} />
            <View className='delib-series-page__tabs'>
              <ChoiceChips idPrefix='hub-tab' choices={m.tabs} selected={m.tab} onSelect={m.setTab} />
            </View>
          </View>
        ) : null}
        {m.tab === 'sessions' ? <SessionsView s={m.sessions} full={m.full} /> : null}
        {m.tab === 'series' ? <SeriesView m={m.series} /> : null}
        {m.tab === 'settings' ? <SettingsView m={m.settings} /> : null}
        {m.tab === 'representatives' ? <RepresentativesView m={m.reps} /> : null}
      </StaffGate>
    </PageShell>
  );
}
