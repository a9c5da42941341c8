import { Input, Text, Textarea, View } from '@tarojs/components';
import './delib-staff.scss';

export interface FormFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
  /** 'number' opens the digit keyboard on phones. */
  type?: 'text' | 'number';
  /** A several-line text box instead of one line. */
  multiline?: boolean;
  /** A plain line under the field, e.g. the unit ("分钟"). */
  hint?: string;
}

/** A labelled text field with large text and a large tap area. */
export function FormField({ id, label, value, onInput, placeholder, maxlength, type = 'text', multiline, hint }: FormFieldProps) {
  return (
    <View className='ds-field'>
      <Text className='ds-field__label'>{label}</Text>
      {multiline ? (
        <Textarea id={id} className='ds-field__textarea' value={value} maxlength={maxlength} placeholder={placeholder} onInput={(e) => onInput(e.detail.value)} />
      ) : (
        <Input id={id} className='ds-field__input' type={type} value={value} maxlength={maxlength} placeholder={placeholder} onInput={(e) => onInput(e.detail.value)} />
      )}
      {hint ? <Text className='ds-field__hint caption'>{hint}</Text> : null}
    </View>
  );
}
