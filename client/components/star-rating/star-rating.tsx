import { Text, View } from '@tarojs/components';
import './star-rating.scss';

export const RatingWords = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;

export interface StarRatingProps {
  value: number;
  onChange: (value: number) => void;
}

/** Five big stars; the words under them say what the rating means. */
export function StarRating({ value, onChange }: StarRatingProps) {
  return (
    <View className='star-rating'>
      <View className='star-rating__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            id={`star-${n}`}
            className={`star-rating__star${n <= value ? ' star-rating__star--on' : ''}`}
            aria-label={`${n} 星`}
            aria-selected={n <= value}
            onClick={() => onChange(n)}
          >
            <Text>{n <= value ? '★' : '☆'}</Text>
          </View>
        ))}
      </View>
      <Text className='star-rating__words' id='star-rating-words'>
        {value > 0 ? `${value} 星：${RatingWords[value]}` : '请点星星打分'}
      </Text>
    </View>
  );
}
