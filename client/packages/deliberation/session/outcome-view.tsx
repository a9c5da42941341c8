import { Text, View } from '@tarojs/components';
import type { SessionOutcome } from '@contracts/deliberation-outcomes.contract';
import { ResolutionStatusLabels } from '@contracts/deliberation-outcomes.constants';
import { chinaDay } from '@/components/deliberation/china-time';
import { ownerText } from '@/components/deliberation/resolution-status';

export interface OutcomeViewProps {
  outcome: SessionOutcome;
  onOpenResolution: (id: number) => void;
}

/** Minutes (纪要) with the attendee count, then the session's resolutions, each opening its page. */
export function OutcomeView({ outcome, onOpenResolution }: OutcomeViewProps) {
  const { minutes, resolutions } = outcome;
  if (!minutes && resolutions.length === 0) {
    return (
      <Text className='plain-line' id='outcome-empty'>
        议事结束后，会在这里公布纪要和决议。
      </Text>
    );
  }
  return (
    <View id='outcome'>
      {minutes ? (
        <View className='card' id='minutes'>
          <Text className='delib-card__title'>会议纪要</Text>
          <Text className='delib-line muted' id='minutes-attendees'>
            到场 {minutes.attendeeCount} 人（报名 {minutes.confirmedCount} 人）
          </Text>
          <Text className='outcome__minutes'>{minutes.text}</Text>
        </View>
      ) : null}
      {resolutions.length > 0 ? (
        <View className='card' id='session-resolutions'>
          <Text className='delib-card__title'>形成的决议（{resolutions.length} 条）</Text>
          {resolutions.map((r, i) => (
            <View key={r.id} className='outcome__resolution' id={`session-resolution-${r.id}`} onClick={() => onOpenResolution(r.id)}>
              <Text className='outcome__resolution-text'>
                {i + 1}. {r.text}
              </Text>
              <Text className='caption'>
                {ResolutionStatusLabels[r.status]}
                {r.overdue ? '（已逾期）' : ''} · 负责：{ownerText(r)} · 期限：{chinaDay(r.dueDate)} ›
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
