import { Text, View } from '@tarojs/components';
import type { AgendaItem } from '@contracts/deliberation-topics.contract';

/** "居民代表、物业公司，另有：社区民警老刘" */
function whoText(item: AgendaItem): string {
  const parties = item.who.partyTexts.join('、');
  const others = item.who.others.trim();
  if (parties && others) return `${parties}；还有 ${others}`;
  return parties || others;
}

interface Step {
  key: string;
  label: string;
  text: string;
  empty: string;
}

/** The five-step method (有事好商量): where, what, who, how, and how it is carried out. */
function stepsOf(item: AgendaItem): Step[] {
  return [
    { key: 'where', label: '在哪里', text: item.whereText, empty: '还没有填写' },
    { key: 'what', label: '什么事', text: item.whatText, empty: '还没有填写' },
    { key: 'who', label: '谁参与', text: whoText(item), empty: '还没有填写' },
    { key: 'how', label: '怎么议', text: item.howText, empty: '还没有填写' },
    { key: 'done', label: '怎么办', text: item.carriedOutText, empty: '议事后填写落实办法' },
  ];
}

export interface AgendaListProps {
  items: AgendaItem[];
  onOpenTopic: (topicId: number) => void;
}

/** The session's agenda, each item in the five-step form. */
export function AgendaList({ items, onOpenTopic }: AgendaListProps) {
  if (items.length === 0) {
    return (
      <Text className='plain-line' id='agenda-empty'>
        这场议事还没有排上议题。
      </Text>
    );
  }
  return (
    <View id='agenda'>
      {items.map((item) => (
        <View key={item.id} className='card agenda-item' id={`agenda-${item.id}`}>
          <Text className='delib-card__title'>
            {item.position}. {item.title}
          </Text>
          {stepsOf(item).map((step, i) => (
            <View key={step.key} className='agenda-item__step' id={`agenda-${item.id}-${step.key}`}>
              <Text className='agenda-item__step-label'>
                {i + 1}. {step.label}
              </Text>
              <Text className={`agenda-item__step-text${step.text ? '' : ' muted'}`}>{step.text || step.empty}</Text>
            </View>
          ))}
          {item.topicId !== null ? (
            <Text className='delib-link agenda-item__topic' onClick={() => onOpenTopic(item.topicId as number)}>
              查看居民提的议题 ›
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
