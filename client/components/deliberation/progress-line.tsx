import { View } from '@tarojs/components';
import './deliberation.scss';

export interface ProgressLineProps {
  value: number;
  max: number;
  id?: string;
  /** Read out by screen readers, e.g. "3 / 5 人支持". */
  label: string;
}

/** A thin bar: value out of max (full when value ≥ max). */
export function ProgressLine({ value, max, id, label }: ProgressLineProps) {
  const pct = max > 0 ? Math.max(0, Math.min(100, Math.round((value / max) * 100))) : 0;
  return (
    <View className='delib-progress' id={id} aria-label={label} aria-valuenow={value} aria-valuemax={max}>
      <View className='delib-progress__bar' style={{ width: `${pct}%` }} />
    </View>
  );
}
