import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';

export interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** Shown when the list has ended and is not empty. */
  endText?: string;
}

/** The footer of a cursor-paged list: a "加载更多" button, or an end line. */
export function LoadMore({ hasMore, loading, onLoadMore, endText = '没有更多了' }: LoadMoreProps) {
  if (hasMore) {
    return <BigButton text='加载更多' variant='plain' loading={loading} onClick={onLoadMore} className='load-more' />;
  }
  return (
    <View className='load-more load-more--end'>
      <Text className='caption'>{endText}</Text>
    </View>
  );
}
