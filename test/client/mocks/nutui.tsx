/* Stand-ins for the few NutUI components the client uses. */
export function Switch({
  id,
  className,
  checked,
  ariaLabel,
  onChange,
}: {
  id?: string;
  className?: string;
  checked?: boolean;
  ariaLabel?: string;
  loadingIcon?: unknown;
  onChange?: (value: boolean) => void;
}) {
  return (
    <button
      type='button'
      role='switch'
      id={id}
      className={className}
      aria-checked={!!checked}
      aria-label={ariaLabel}
      onClick={() => onChange?.(!checked)}
    />
  );
}
