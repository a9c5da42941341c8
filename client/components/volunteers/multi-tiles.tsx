import { Text, View } from '@tarojs/components';
import './volunteers.scss';

export interface MultiTilesProps<K extends string | number> {
  choices: ReadonlyArray<{ key: K; label: string }>;
  selected: readonly K[];
  onToggle: (key: K) => void;
  /** Each tile gets the id `${idPrefix}-${key}`. */
  idPrefix: string;
}

/** Several choices at once: big tiles, two per row; the chosen ones are filled and ticked. */
export function MultiTiles<K extends string | number>({ choices, selected, onToggle, idPrefix }: MultiTilesProps<K>) {
  return (
    <View className='vol-tiles'>
      {choices.map((c) => {
        const on = selected.includes(c.key);
        return (
          <View
            key={String(c.key)}
            id={`${idPrefix}-${c.key}`}
            className={`vol-tile${on ? ' vol-tile--on' : ''}`}
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
