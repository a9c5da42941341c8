import { View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { Notice } from '@/components/notice/notice';

export interface ErrorRetryProps {
  error: string | null;
  onRetry: () => void;
}

/** A failed load: the server's message and one big "重试" button. Renders nothing without an error. */
export function ErrorRetry({ error, onRetry }: ErrorRetryProps) {
  if (!error) return null;
  return (
    <View>
      <Notice tone='error' text={error} />
      <BigButton text='重试' variant='secondary' onClick={onRetry} />
    </View>
  );
}
