import { Text, View } from '@tarojs/components';
import { VolunteerSkillLabels } from '@contracts/volunteers.constants';
import type { HelpRequestItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import '@/components/vol-staff/vol-staff.scss';
import type { DispatchModel } from './use-dispatch-model';

/** The suggested volunteers of one request (free at its time first, fewest recent tasks first) with 派给. */
export function SuggestionList({ r, m }: { r: HelpRequestItem; m: DispatchModel }) {
  if (m.busy === `suggest-${r.id}`) return <Text className='muted'>正在找合适的志愿者…</Text>;
  if (!m.suggestions) return null;
  if (m.suggestions.length === 0) return <Text className='plain-line muted' id={`request-${r.id}-no-suggestions`}>暂时没有会这项帮忙、又没在这单上的志愿者。</Text>;
  return (
    <View id={`request-${r.id}-suggestions`}>
      <Text className='caption'>推荐志愿者（时间合适、近期任务少的在前）</Text>
      {m.suggestions.map((s) => (
        <View className='vs-item' key={s.userId} id={`suggestion-${s.userId}`}>
          <View className='ds-row'>
            <Text className='vs-title'>{s.name}</Text>
            {s.matchesTime ? <Text className='ds-tag ds-tag--ok'>时间合适</Text> : <Text className='ds-tag'>时间不一定合适</Text>}
          </View>
          <Text className='vs-line caption'>
            会：{s.skills.map((k) => VolunteerSkillLabels[k]).join('、')} · 近 30 天接了 {s.recentTasks} 单
          </Text>
          <BigButton id={`suggestion-${s.userId}-dispatch`} text={`派给 ${s.name}`} loading={m.busy === `dispatch-${r.id}-${s.userId}`} onClick={() => m.dispatch(r, s)} />
        </View>
      ))}
    </View>
  );
}
