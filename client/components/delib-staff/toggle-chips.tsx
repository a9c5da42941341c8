import { Text, View } from '@tarojs/components';
import '@/components/choice-chips/choice-chips.scss';

export interface ToggleChipsProps<K extends string> {
  choices: ReadonlyArray<{ key: K; label: string }>;
  selected: readonly K[];
  onToggle: (key: K) => void;
  /** Each chip gets the id `${idPrefix}-${key}`. */
  idPrefix: string;
}

/** Several choices at once (e.g. who is invited): ChoiceChips' chips, but any number filled and ticked. */
export function ToggleChips<K extends string>({ choices, selected, onToggle, idPrefix }: ToggleChipsProps<K>) {
  return (
    <View className='choice-chips'>
      {choices.map((c) => {
        const on = selected.includes(c.key);
        return (
          <View
            key={c.key}
            id={`${idPrefix}-${c.key}`}
            className={`choice-chip${on ? ' choice-chip--active' : ''}`}
            aria-checked={on}
            onClick={() => onToggle(c.key)}
          >
            <Text>{on ? `✓ ${c.label}` : c.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
