import { Text, View } from '@tarojs/components';
import type { AgendaItem } from '@contracts/deliberation-topics.contract';
import './delib-staff.scss';

function whoText(item: AgendaItem): string {
  const all = [...item.who.partyTexts, ...(item.who.others ? [item.who.others] : [])];
  return all.length ? all.join('、') : '未填写';
}

/** The five-step method of one agenda item: where, what, who, how, and how it is carried out. */
export function AgendaSteps({ item }: { item: AgendaItem }) {
  const steps: Array<[string, string]> = [
    ['一、在哪里议', item.whereText || '未填写'],
    ['二、议什么', item.whatText || '未填写'],
    ['三、请谁来', whoText(item)],
    ['四、怎么议', item.howText || '未填写'],
    ['五、怎么落实', item.carriedOutText || '会后记录决议时自动填写'],
  ];
  return (
    <View className='ds-steps'>
      {steps.map(([label, text]) => (
        <View key={label} className='ds-step'>
          <Text className='ds-step__label'>{label}</Text>
          <Text className='ds-step__text'>{text}</Text>
        </View>
      ))}
    </View>
  );
}
