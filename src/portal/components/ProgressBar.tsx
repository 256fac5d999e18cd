import type { ReactNode } from 'react'

type ProgressBarProps = {
  /** Visible text under the label, e.g. "120 points to Gold". */
  detail?: ReactNode
  label: string
  max?: number
  tone?: 'brand' | 'heat'
  value: number
  /** Read out instead of the bare percentage. */
  valueText?: string
}

/** An accessible progress bar (role=progressbar) with a visible label. */
export function ProgressBar({
  detail,
  label,
  max = 100,
  tone = 'brand',
  value,
  valueText,
}: ProgressBarProps) {
  const clamped = Math.max(0, Math.min(max, value))
  const percent = max > 0 ? Math.round((clamped / max) * 100) : 0
  return (
    <div className={tone === 'heat' ? 'pc-progress pc-progress--heat' : 'pc-progress'}>
      <div className="pc-progress__label">
        <span>{label}</span>
        {detail ? <span>{detail}</span> : null}
      </div>
      <div
        aria-label={label}
        aria-valuemax={max}
        aria-valuemin={0}
        aria-valuenow={clamped}
        aria-valuetext={valueText ?? `${percent} %`}
        className="pc-progress__track"
        role="progressbar"
      >
        <div className="pc-progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}
