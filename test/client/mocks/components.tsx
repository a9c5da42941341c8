/* Plain DOM stand-ins for @tarojs/components. Events follow Taro's shape (e.detail.value). */
import type { ReactNode } from 'react';

interface BaseProps {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
  [key: `aria-${string}`]: unknown;
}

function pickAria(props: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith('aria-')));
}

export function View({ id, className, children, onClick, ...rest }: BaseProps) {
  return (
    <div id={id} className={className} onClick={onClick} {...pickAria(rest)}>
      {children}
    </div>
  );
}

export function Text({ id, className, children, onClick }: BaseProps) {
  return (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  );
}

export function Button({
  id,
  className,
  children,
  onClick,
  disabled,
  loading,
}: BaseProps & { disabled?: boolean; loading?: boolean }) {
  return (
    <button id={id} className={className} disabled={disabled} data-loading={loading ? 'true' : undefined} onClick={onClick}>
      {children}
    </button>
  );
}

export function Textarea({
  id,
  className,
  value,
  maxlength,
  placeholder,
  onInput,
}: BaseProps & {
  value?: string;
  maxlength?: number;
  placeholder?: string;
  onInput?: (e: { detail: { value: string } }) => void;
}) {
  return (
    <textarea
      id={id}
      className={className}
      value={value}
      maxLength={maxlength}
      placeholder={placeholder}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

export function ScrollView({ id, className, children }: BaseProps) {
  return (
    <div id={id} className={className}>
      {children}
    </div>
  );
}

export function CustomWrapper({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}

export function Input({
  id,
  className,
  value,
  maxlength,
  placeholder,
  type,
  onInput,
}: BaseProps & {
  value?: string;
  maxlength?: number;
  placeholder?: string;
  type?: string;
  onInput?: (e: { detail: { value: string } }) => void;
}) {
  return (
    <input
      id={id}
      className={className}
      value={value}
      maxLength={maxlength}
      placeholder={placeholder}
      data-type={type}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

export function Image({ src, className, mode }: { src: string; className?: string; mode?: string }) {
  return <img src={src} className={className} data-mode={mode} alt='' />;
}

/** Taro's <Picker> opens the phone's wheel; here an input beside its children stands for the wheel (typing = choosing). */
export function Picker({ id, mode, onChange, children }: { id: string; mode: string; onChange: (e: { detail: { value: string } }) => void; children?: ReactNode }) {
  return (
    <div>
      {children}
      <input id={id} data-mode={mode} onChange={(e) => onChange({ detail: { value: e.target.value } })} />
    </div>
  );
}
