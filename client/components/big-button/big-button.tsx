import { Button } from '@tarojs/components';
import './big-button.scss';

export type BigButtonVariant = 'primary' | 'secondary' | 'plain';

export interface BigButtonProps {
  text: string;
  onClick: () => void;
  variant?: BigButtonVariant;
  disabled?: boolean;
  loading?: boolean;
  id?: string;
  className?: string;
}

/** A large, clearly labelled button. The label never changes while loading. */
export function BigButton({ text, onClick, variant = 'primary', disabled, loading, id, className }: BigButtonProps) {
  const inactive = Boolean(disabled || loading);
  // A class, not the [disabled] attribute: Taro H5 renders disabled="false" on enabled buttons, and
  // its own `taro-button-core[disabled]` rule would then grey out their text. So enabled buttons get
  // no disabled attribute at all.
  const classes = ['big-button', `big-button--${variant}`, inactive ? 'big-button--disabled' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <Button
      id={id}
      className={classes}
      disabled={inactive ? true : undefined}
      loading={loading}
      onClick={() => {
        if (!disabled && !loading) onClick();
      }}
    >
      {text}
    </Button>
  );
}
