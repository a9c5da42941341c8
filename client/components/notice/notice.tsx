import { Text, View } from '@tarojs/components';
import './notice.scss';

export interface NoticeProps {
  text: string;
  tone?: 'info' | 'warning' | 'error';
  /** When given, the whole notice is tappable. */
  onTap?: () => void;
  id?: string;
  className?: string;
}

/** A short highlighted message; optionally tappable (e.g. "请先选择您居住的单元"). */
export function Notice({ text, tone = 'info', onTap, id, className }: NoticeProps) {
  const classes = ['notice', `notice--${tone}`, onTap ? 'notice--tappable' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <View id={id} className={classes} onClick={onTap}>
      <Text className='notice__text'>{text}</Text>
      {onTap ? <Text className='notice__arrow'>›</Text> : null}
    </View>
  );
}
