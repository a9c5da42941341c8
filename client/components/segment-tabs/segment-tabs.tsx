import { Text, View } from '@tarojs/components';
import './segment-tabs.scss';

export interface SegmentTab<K extends string> {
  key: K;
  label: string;
}

export interface SegmentTabsProps<K extends string> {
  tabs: ReadonlyArray<SegmentTab<K>>;
  active: K;
  onChange: (key: K) => void;
  /** Each tab gets the id `${idPrefix}-${key}`. */
  idPrefix: string;
}

/** Two or three big tabs side by side, e.g. "我反映的 | 社区公开的问题". */
export function SegmentTabs<K extends string>({ tabs, active, onChange, idPrefix }: SegmentTabsProps<K>) {
  return (
    <View className='segment-tabs'>
      {tabs.map((t) => (
        <View
          key={t.key}
          id={`${idPrefix}-${t.key}`}
          className={`segment-tabs__tab${t.key === active ? ' segment-tabs__tab--active' : ''}`}
          aria-selected={t.key === active}
          onClick={() => onChange(t.key)}
        >
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  );
}
