import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useLargeText } from '@/hooks/use-large-text';
import './page-shell.scss';

export interface PageShellProps {
  /** Extra class for the page root, e.g. 'home-page'. */
  className?: string;
  children?: ReactNode;
}

/** The root of every page: applies the large-text class and the page background. */
export function PageShell({ className, children }: PageShellProps) {
  const [large] = useLargeText();
  const classes = ['page', large ? 'page--large' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
