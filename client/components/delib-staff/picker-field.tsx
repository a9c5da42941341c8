import { Picker, Text, View } from '@tarojs/components';
import './delib-staff.scss';

export interface PickerFieldProps {
  /** The picker gets `${id}-picker`; the shown value `${id}`. */
  id: string;
  label: string;
  mode: 'date' | 'time';
  /** 'YYYY-MM-DD' or 'HH:MM'; '' until chosen. */
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** Earliest day that can be chosen ('YYYY-MM-DD', date mode). */
  start?: string;
}

/** A day or a time chosen from the phone's own wheel (WeChat) or Taro's (browser). */
export function PickerField({ id, label, mode, value, onChange, placeholder, start }: PickerFieldProps) {
  const fallback = mode === 'time' ? '17:00' : start ?? '';
  return (
    <View className='ds-field'>
      <Text className='ds-field__label'>{label}</Text>
      <Picker id={`${id}-picker`} mode={mode} value={value || fallback} start={start} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={id} className={`ds-field__picker${value ? '' : ' ds-field__picker--empty'}`}>
          <Text>{value || placeholder}</Text>
          <Text className='ds-field__arrow'>›</Text>
        </View>
      </Picker>
    </View>
  );
}
