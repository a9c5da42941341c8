import { Text, View } from '@tarojs/components';
import type { VolunteerFigures } from '@contracts/volunteer-figures.contract';
import { hoursText } from '@/components/vol-staff/hours';
import { FiguresSection } from './figures-section';
import { hoursLines, isQuietVolunteers, requestLines, teamLine, volunteerLine } from './volunteer-lines';

export interface VolunteersSectionProps {
  figures: VolunteerFigures | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

const Line = ({ text, muted }: { text: string; muted?: boolean }) => <Text className={`figures-vol__line${muted ? ' muted' : ''}`}>{text}</Text>;

/** 小红帽 figures: help requests, volunteers, hours by team and activities; for a street, one row per community. */
export function VolunteersSection({ figures: v, loading, error, onRetry }: VolunteersSectionProps) {
  const rows = v?.area.level === 'street' ? v.perCommunity : [];
  const quiet = v ? isQuietVolunteers(v) : false;
  return (
    <FiguresSection id='figures-vol' name='小红帽' area={v?.area} loading={loading} error={error} onRetry={onRetry}>
      {v ? (
        <View className='card' id='figures-vol-total'>
          {quiet ? <Line text='这段时间还没有小红帽的服务记录。' muted /> : null}
          {quiet ? null : requestLines(v).map((line) => <Line key={line} text={line} />)}
          <Line text={volunteerLine(v)} />
          {quiet ? null : hoursLines(v).map((line) => <Line key={line} text={line} />)}
          <Text className='figures-vol__note caption'>微心愿按许愿日期统计；时长按服务日期统计。“一半在 N 小时内”指一半的微心愿用时不超过 N 小时。</Text>
        </View>
      ) : null}

      {v && v.hoursByTeam.length > 0 ? (
        <View className='card' id='figures-vol-teams'>
          <Text className='figures-child__name'>各队伍服务时长</Text>
          {v.hoursByTeam.map((t) => (
            <View key={t.teamId ?? 'none'} id={`figures-vol-team-${t.teamId ?? 'none'}`} className='figures-vol__team'>
              <Text className='figures-vol__team-name'>{t.name}</Text>
              <Text className='figures-vol__team-hours'>{teamLine(t)}</Text>
            </View>
          ))}
          <Text className='figures-vol__note caption'>团队活动的时长记给办活动的队伍；其他服务记给志愿者所在的队伍，参加几支队伍就在几支队伍都计入，没有入队的记为“未入队”。</Text>
        </View>
      ) : null}

      {rows.length > 0 ? <Text className='section-title'>各社区小红帽</Text> : null}
      {rows.map((c) => (
        <View key={c.communityId} id={`figures-vol-community-${c.communityId}`} className='card'>
          <Text className='figures-child__name'>{c.name}</Text>
          {isQuietVolunteers(c) ? (
            <Text className='figures-child__line caption'>这段时间还没有服务记录</Text>
          ) : (
            <>
              <Text className='figures-child__line'>{requestLines(c)[0]}</Text>
              <Text className='figures-child__line'>记入时间银行 {hoursText(c.creditedMinutes)} 小时，参加服务的志愿者 {c.volunteersActive} 人</Text>
            </>
          )}
        </View>
      ))}
    </FiguresSection>
  );
}
