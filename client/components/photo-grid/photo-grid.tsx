import { Image, Text, View } from '@tarojs/components';
import './photo-grid.scss';

export interface PhotoGridProps {
  /** The photos' server URLs, in order. */
  urls: ReadonlyArray<string>;
  /** url -> local path once downloaded; 'failed' when it could not be. */
  local: Readonly<Record<string, string>>;
  onOpen: (url: string) => void;
}

/** Photos a concern or a step carries: a thumbnail each, tap to see it large. Pure: the page downloads. */
export function PhotoGrid({ urls, local, onOpen }: PhotoGridProps) {
  if (urls.length === 0) return null;
  return (
    <View className='photo-grid'>
      {urls.map((url, i) => {
        const src = local[url];
        return (
          <View key={url} className='photo-grid__item' aria-label={`第 ${i + 1} 张照片`} onClick={() => src && src !== 'failed' && onOpen(url)}>
            {src && src !== 'failed' ? <Image className='photo-grid__img' src={src} mode='aspectFill' /> : null}
            {!src ? <Text className='photo-grid__state caption'>加载中…</Text> : null}
            {src === 'failed' ? <Text className='photo-grid__state caption'>照片加载失败</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
