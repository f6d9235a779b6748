import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import { Icon, type IconName } from './Icon'
import { Spinner } from './Spinner'
import { Tooltip } from './Tooltip'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger'
  size?: 'sm' | 'md' | 'lg'
  icon?: IconName
  iconAfter?: IconName
  loading?: boolean
  children?: ReactNode
}

export function Button({
  variant = 'secondary',
  size = 'md',
  icon,
  iconAfter,
  loading = false,
  disabled,
  className,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  const cls = ['btn', `btn-${variant}`, `btn-${size}`, className].filter(Boolean).join(' ')
  return (
    <button {...rest} type={type} className={cls} disabled={disabled || loading} aria-busy={loading || undefined}>
      {loading ? <Spinner size={size === 'lg' ? 16 : 14} /> : icon ? <Icon name={icon} size={size === 'sm' ? 14 : 16} /> : null}
      {children != null && <span className="btn-label">{children}</span>}
      {iconAfter && !loading ? <Icon name={iconAfter} size={size === 'sm' ? 14 : 16} /> : null}
    </button>
  )
}

/** A square icon-only button: the label is its accessible name and its (Radix) tooltip. */
export function IconButton({
  icon,
  label,
  className,
  ...rest
  // React 19 passes `ref` as a prop: a parent's asChild (Dialog/Toast Close) reaches the button through it.
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> & { icon: IconName; label: string; ref?: Ref<HTMLButtonElement> }) {
  return (
    <Tooltip label={label}>
      <button type="button" {...rest} className={['icon-btn', className].filter(Boolean).join(' ')} aria-label={label}>
        <Icon name={icon} size={16} />
      </button>
    </Tooltip>
  )
}
