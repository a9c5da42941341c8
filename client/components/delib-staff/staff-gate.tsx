import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ErrorRetry } from '@/components/error-retry/error-retry';

export interface StaffGateProps {
  /** The user could not be loaded. */
  meError: string | null;
  onRetry: () => void;
  /** The user is loaded and may use the screen. */
  ready: boolean;
  /** The user is loaded and may not use the screen. */
  denied: boolean;
  deniedText: string;
  children?: ReactNode;
}

/** Loading, error-retry, a plain line for roles that may not use the screen, or the screen. */
export function StaffGate({ meError, onRetry, ready, denied, deniedText, children }: StaffGateProps) {
  if (meError) return <ErrorRetry error={meError} onRetry={onRetry} />;
  if (denied) {
    return (
      <Text className='plain-line' id='delib-staff-denied'>
        {deniedText}
      </Text>
    );
  }
  if (!ready) return <Text className='muted'>正在加载…</Text>;
  return <View>{children}</View>;
}
