import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './deliberation.scss';

export interface TickRowProps {
  id: string;
  on: boolean;
  onToggle: () => void;
  children?: ReactNode;
}

/** One row of a tick list (vote options, concerns to link): a big tap area with a ✓ box in front. */
export function TickRow({ id, on, onToggle, children }: TickRowProps) {
  return (
    <View id={id} className={`delib-tick${on ? ' delib-tick--on' : ''}`} aria-checked={on} onClick={onToggle}>
      <Text className='delib-tick__mark'>{on ? '✓' : ''}</Text>
      {children}
    </View>
  );
}
