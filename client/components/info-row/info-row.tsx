import { Text, View } from '@tarojs/components';
import './info-row.scss';

export interface InfoRowProps {
  label: string;
  value: string;
  id?: string;
}

/** "label: value" on one line, wrapping value text when long. */
export function InfoRow({ label, value, id }: InfoRowProps) {
  return (
    <View className='info-row' id={id}>
      <Text className='info-row__label'>{label}</Text>
      <Text className='info-row__value'>{value}</Text>
    </View>
  );
}
