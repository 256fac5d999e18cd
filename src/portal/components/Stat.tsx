import type { ReactNode } from 'react'

type StatProps = {
  hint?: ReactNode
  label: string
  tone?: 'plain' | 'points'
  value: ReactNode
}

/** One figure with its label; use inside a `<dl className="pc-stats">`. */
export function Stat({ hint, label, tone = 'plain', value }: StatProps) {
  return (
    <div className={tone === 'points' ? 'pc-stat pc-stat--points' : 'pc-stat'}>
      <dt>{label}</dt>
      <dd>
        {value}
        {hint ? <span className="pc-stat__hint">{hint}</span> : null}
      </dd>
    </div>
  )
}
