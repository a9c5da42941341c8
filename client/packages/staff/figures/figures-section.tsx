import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ErrorRetry } from '@/components/error-retry/error-retry';

export interface FiguresSectionProps {
  /** The section's id and class (`figures-delib`); its title is `${id}-title`. */
  id: string;
  /** 议事亭, 小红帽. */
  name: string;
  /** The area of the loaded figures (none yet: still loading, or failed). */
  area: { name: string } | undefined;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  children: ReactNode;
}

/**
 * A section of the figures page counted per community: its title with the area, the server's message with 重试
 * when loading failed, a loading line before the first figures; nothing at all while there is nothing to say.
 */
export function FiguresSection({ id, name, area, loading, error, onRetry, children }: FiguresSectionProps) {
  if (!area && !loading && !error) return null;
  return (
    <View className={id} id={id}>
      <Text className='section-title' id={`${id}-title`}>
        {area ? `${name} · ${area.name}` : name}
      </Text>
      <ErrorRetry error={error} onRetry={onRetry} />
      {!area && loading ? <Text className='muted'>{`正在加载${name}的统计…`}</Text> : null}
      {children}
    </View>
  );
}
