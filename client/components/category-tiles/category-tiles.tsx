import { Text, View } from '@tarojs/components';
import './category-tiles.scss';

export interface CategoryTile<K extends string> {
  key: K;
  label: string;
}

export interface CategoryTilesProps<K extends string> {
  tiles: ReadonlyArray<CategoryTile<K>>;
  selected: K | null;
  onSelect: (key: K) => void;
}

/** Large tappable tiles, two per row; the chosen one is highlighted. */
export function CategoryTiles<K extends string>({ tiles, selected, onSelect }: CategoryTilesProps<K>) {
  return (
    <View className='category-tiles'>
      {tiles.map((tile) => {
        const active = tile.key === selected;
        return (
          <View
            key={tile.key}
            id={`category-${tile.key}`}
            className={`category-tile${active ? ' category-tile--active' : ''}`}
            aria-selected={active}
            onClick={() => onSelect(tile.key)}
          >
            <Text>{tile.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
