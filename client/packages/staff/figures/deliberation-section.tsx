import { Text, View } from '@tarojs/components';
import type { DeliberationFigures } from '@contracts/deliberation-outcomes.contract';
import { deliberationLines, isQuiet } from './deliberation-lines';
import { FiguresSection } from './figures-section';

export interface DeliberationSectionProps {
  figures: DeliberationFigures | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

/** 议事亭 figures: the area's sentences, then (for a street) one row per community. */
export function DeliberationSection({ figures: d, loading, error, onRetry }: DeliberationSectionProps) {
  const rows = d?.area.level === 'street' ? d.perCommunity : [];
  return (
    <FiguresSection id='figures-delib' name='议事亭' area={d?.area} loading={loading} error={error} onRetry={onRetry}>
      {d ? (
        <View className='card figures-delib__total' id='figures-delib-total'>
          {isQuiet(d) ? (
            <Text className='figures-delib__line muted'>这段时间还没有议事亭的记录。</Text>
          ) : (
            deliberationLines(d).map((line) => (
              <Text key={line} className='figures-delib__line'>{line}</Text>
            ))
          )}
        </View>
      ) : null}

      {rows.length > 0 ? <Text className='section-title'>各社区议事</Text> : null}
      {rows.map((c) => (
        <View key={c.communityId} id={`figures-delib-community-${c.communityId}`} className='card figures-delib__community'>
          <Text className='figures-child__name'>{c.name}</Text>
          {isQuiet(c) ? (
            <Text className='figures-child__line caption'>这段时间还没有议事记录</Text>
          ) : (
            deliberationLines(c).map((line) => (
              <Text key={line} className='figures-child__line'>{line}</Text>
            ))
          )}
        </View>
      ))}
    </FiguresSection>
  );
}
