import { Text, View } from '@tarojs/components';
import { ErrorRetry } from '@/components/error-retry/error-retry';

export interface LoadStateProps {
  loading: boolean;
  loaded: boolean;
  error: string | null;
  onRetry: () => void;
  /** The data arrived and there is nothing to list. */
  empty: boolean;
  emptyText: string;
  id?: string;
}

/** The three states around a list: loading, a failed load with 重试, and an empty list in plain words. */
export function LoadState({ loading, loaded, error, onRetry, empty, emptyText, id }: LoadStateProps) {
  if (error) return <ErrorRetry error={error} onRetry={onRetry} />;
  if (!loaded && loading) return <Text className='muted'>正在加载…</Text>;
  if (loaded && empty) {
    return (
      <View id={id}>
        <Text className='plain-line muted'>{emptyText}</Text>
      </View>
    );
  }
  return null;
}
