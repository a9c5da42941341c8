import { Text, View } from '@tarojs/components';
import './choice-chips.scss';

export interface Choice<K extends string | number> {
  key: K;
  label: string;
}

export interface ChoiceChipsProps<K extends string | number> {
  choices: ReadonlyArray<Choice<K>>;
  selected: K | null;
  onSelect: (key: K) => void;
  /** Each chip gets the id `${idPrefix}-${key}`. */
  idPrefix: string;
}

/** One choice among a few: large chips that wrap; the chosen one is filled. */
export function ChoiceChips<K extends string | number>({ choices, selected, onSelect, idPrefix }: ChoiceChipsProps<K>) {
  return (
    <View className='choice-chips'>
      {choices.map((c) => {
        const active = c.key === selected;
        return (
          <View
            key={String(c.key)}
            id={`${idPrefix}-${c.key}`}
            className={`choice-chip${active ? ' choice-chip--active' : ''}`}
            aria-selected={active}
            onClick={() => onSelect(c.key)}
          >
            <Text>{c.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
