'use client'

import { Button, Link, NavGroup, useConfig, useStepNav } from '@payloadcms/ui'
import { usePathname, useRouter } from 'next/navigation'
import { type FormEvent, useEffect, useId, useState } from 'react'

export type ImportEvent = {
  endsAt: string
  id: number | string
  minimumMinutes: null | number
  startsAt: string
  /** The event's time zone (IANA), for showing its start. */
  timeZone: null | string
  title: string
}

export type RecentImport = {
  applied: number
  createdAt: string
  fileName: string
  id: number | string
  kind: 'adjustments' | 'attendance'
  points: number
}

type Person = {
  email: string
  lines: number[]
  memberId?: number | string
  minutes: number
  name?: null | string
  points?: number
  sessions: number
}

type LineError = { line: number; message: string }

type AttendanceAnswer = {
  alreadyAttended: Person[]
  applied?: { attended: number; import: number | string; points: number }
  attends: Person[]
  belowThreshold: Person[]
  columns: { email: string; headerLine: number; join: string; leave: string }
  counts: Record<
    'alreadyAttended' | 'attends' | 'belowThreshold' | 'invalid' | 'people' | 'rows' | 'unmatched',
    number
  >
  event: { title: string }
  file: { name: string }
  invalid: LineError[]
  minimum: { from: 'default' | 'event'; minutes: number }
  unmatched: Person[]
}

type AdjustmentLine = {
  email: string
  line: number
  name: null | string
  points: number
  reason: string
  spendableAfter: number
  spendableBefore: number
}

type AdjustmentAnswer = {
  alreadyApplied: null | { at: string; import: number | string }
  errors: LineError[]
  file: { name: string }
  lines: AdjustmentLine[]
  rows: number
  totals: { added: number; lines: number; removed: number }
  valid: boolean
}

type AdjustmentResult = {
  applied: { entries: number; import: number | string }
  totals: { added: number; lines: number; removed: number }
}

type Failure = { lineErrors?: LineError[]; message: string }

const number = (value: number) => value.toLocaleString('en')

const when = (iso: string, timeZone?: null | string) => {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
  try {
    return new Date(iso).toLocaleString('en-GB', { ...options, timeZone: timeZone ?? undefined })
  } catch {
    return new Date(iso).toLocaleString('en-GB', options)
  }
}

const css = `
.loyalty-imports { padding: calc(var(--base) * 1.5) 0 calc(var(--base) * 3); max-width: 72rem; }
.loyalty-imports h1 { margin: 0 0 calc(var(--base) * 0.5); }
.loyalty-imports h2 { font-size: 1.25rem; margin: 0 0 calc(var(--base) * 0.5); }
.loyalty-imports h3 { font-size: 1rem; margin: 0; display: inline; }
.loyalty-imports__intro { color: var(--theme-elevation-650); margin: 0 0 var(--base); max-width: 48rem; }
.loyalty-imports__tabs { display: flex; gap: 0.25rem; border-bottom: 1px solid var(--theme-elevation-150); margin-bottom: var(--base); flex-wrap: wrap; }
.loyalty-imports__tab { appearance: none; background: none; border: 0; border-bottom: 3px solid transparent; color: var(--theme-elevation-650); cursor: pointer; font: inherit; font-weight: 600; padding: 0.6rem 0.9rem; min-height: 44px; }
.loyalty-imports__tab[aria-selected='true'] { border-bottom-color: var(--theme-text); color: var(--theme-text); }
.loyalty-imports__tab:focus-visible { outline: 2px solid var(--theme-success-500); outline-offset: 2px; }
.loyalty-imports__form { display: grid; gap: var(--base); grid-template-columns: 1fr; max-width: 40rem; }
.loyalty-imports__field { display: grid; gap: 0.35rem; }
.loyalty-imports__field label { font-weight: 600; }
.loyalty-imports__field select, .loyalty-imports__field input[type='file'] { background: var(--theme-input-bg); border: 1px solid var(--theme-elevation-150); border-radius: var(--style-radius-s); color: var(--theme-text); font: inherit; min-height: 44px; padding: 0.5rem 0.6rem; width: 100%; }
.loyalty-imports__hint { color: var(--theme-elevation-600); font-size: 0.85rem; margin: 0; }
.loyalty-imports__actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
.loyalty-imports__actions .btn { margin: 0; }
.loyalty-imports__stats { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); margin: var(--base) 0; padding: 0; list-style: none; }
.loyalty-imports__stat { border: 1px solid var(--theme-elevation-150); border-radius: var(--style-radius-m); padding: 0.75rem; background: var(--theme-elevation-50); }
.loyalty-imports__stat strong { display: block; font-size: 1.6rem; line-height: 1.2; }
.loyalty-imports__stat--good { border-left: 4px solid var(--theme-success-500); }
.loyalty-imports__stat--warn { border-left: 4px solid var(--theme-warning-500); }
.loyalty-imports__stat--bad { border-left: 4px solid var(--theme-error-500); }
.loyalty-imports__panel { margin-top: calc(var(--base) * 1.5); }
.loyalty-imports details { border: 1px solid var(--theme-elevation-150); border-radius: var(--style-radius-m); margin: 0 0 0.75rem; }
.loyalty-imports summary { cursor: pointer; padding: 0.75rem; min-height: 44px; }
.loyalty-imports__scroll { overflow-x: auto; padding: 0 0.75rem 0.75rem; }
.loyalty-imports table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.loyalty-imports th, .loyalty-imports td { border-bottom: 1px solid var(--theme-elevation-100); padding: 0.45rem 0.5rem; text-align: left; vertical-align: top; }
.loyalty-imports td.num, .loyalty-imports th.num { text-align: right; white-space: nowrap; }
.loyalty-imports td.email { word-break: break-all; }
.loyalty-imports__banner { border-radius: var(--style-radius-m); margin: var(--base) 0; padding: 0.75rem 1rem; }
.loyalty-imports__banner--error { background: var(--theme-error-50); border: 1px solid var(--theme-error-500); color: var(--theme-error-800); }
.loyalty-imports__banner--ok { background: var(--theme-success-50); border: 1px solid var(--theme-success-500); color: var(--theme-success-800); }
.loyalty-imports__banner--warn { background: var(--theme-warning-50); border: 1px solid var(--theme-warning-500); color: var(--theme-warning-800); }
.loyalty-imports__banner ul { margin: 0.5rem 0 0; padding-left: 1.2rem; }
.loyalty-imports__history { margin-top: calc(var(--base) * 2); }
.loyalty-imports__history ul { list-style: none; margin: 0 0 0.5rem; padding: 0; }
.loyalty-imports__history li { border-bottom: 1px solid var(--theme-elevation-100); padding: 0.5rem 0; }
@media (max-width: 768px) {
  .loyalty-imports { padding-top: var(--base); }
  .loyalty-imports__stat strong { font-size: 1.3rem; }
}
@media (max-width: 600px) {
  .loyalty-imports thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .loyalty-imports table, .loyalty-imports tbody, .loyalty-imports tr, .loyalty-imports td { display: block; width: 100%; }
  .loyalty-imports tr { border-bottom: 1px solid var(--theme-elevation-150); padding: 0.4rem 0; }
  .loyalty-imports td, .loyalty-imports td.num { border: 0; display: grid; grid-template-columns: 6rem 1fr; gap: 0.5rem; padding: 0.15rem 0; text-align: left; white-space: normal; }
  .loyalty-imports td::before { content: attr(data-label); color: var(--theme-elevation-600); font-weight: 600; }
  .loyalty-imports td.email { word-break: normal; overflow-wrap: anywhere; }
}
`

/** Sends the file to an import endpoint as a form (the `file` field). */
const send = async (url: string, file: File): Promise<{ body: unknown; ok: boolean }> => {
  const form = new FormData()
  form.append('file', file, file.name)
  try {
    const response = await fetch(url, { body: form, credentials: 'include', method: 'POST' })
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
    return { body, ok: response.ok }
  } catch {
    return {
      body: { errors: [{ message: 'The server could not be reached. Try again.' }] },
      ok: false,
    }
  }
}

const failureOf = (body: unknown): Failure => {
  const answer = body as { errors?: { message?: string }[]; lineErrors?: LineError[] }
  return {
    lineErrors: answer.lineErrors,
    message: answer.errors?.[0]?.message ?? 'Something went wrong. Try again.',
  }
}

function ErrorBanner({ failure }: { failure: Failure }) {
  return (
    <div className="loyalty-imports__banner loyalty-imports__banner--error" role="alert">
      {failure.message}
      {failure.lineErrors && failure.lineErrors.length > 1 ? (
        <ul>
          {failure.lineErrors.map((error) => (
            <li key={error.line}>{error.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function Stat({
  label,
  tone,
  value,
}: {
  label: string
  tone: 'bad' | 'good' | 'plain' | 'warn'
  value: number
}) {
  return (
    <li className={`loyalty-imports__stat loyalty-imports__stat--${tone}`}>
      <strong>{number(value)}</strong>
      {label}
    </li>
  )
}

function PeopleTable({
  open = false,
  people,
  showPoints = false,
  title,
}: {
  open?: boolean
  people: Person[]
  showPoints?: boolean
  title: string
}) {
  if (people.length === 0) return null
  return (
    <details open={open}>
      <summary>
        <h3>
          {title} ({number(people.length)})
        </h3>
      </summary>
      <div className="loyalty-imports__scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Member</th>
              <th className="num" scope="col">
                Minutes
              </th>
              {showPoints ? (
                <th className="num" scope="col">
                  Points
                </th>
              ) : null}
              <th scope="col">Lines</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.email}>
                <td className="email">{person.email}</td>
                <td>
                  {person.memberId === undefined ? '—' : person.name || `#${person.memberId}`}
                </td>
                <td className="num">
                  {number(person.minutes)}
                  {person.sessions > 1 ? ` (${person.sessions} sessions)` : ''}
                </td>
                {showPoints ? (
                  <td className="num" data-label="Points">
                    {number(person.points ?? 0)}
                  </td>
                ) : null}
                <td data-label="Lines">{person.lines.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}

function InvalidLines({ lines, title }: { lines: LineError[]; title: string }) {
  if (lines.length === 0) return null
  return (
    <details>
      <summary>
        <h3>
          {title} ({number(lines.length)})
        </h3>
      </summary>
      <div className="loyalty-imports__scroll">
        <ul>
          {lines.map((line) => (
            <li key={line.line}>{line.message}</li>
          ))}
        </ul>
      </div>
    </details>
  )
}

function AttendanceImport({
  api,
  defaultPercent,
  events,
  maxFileBytes,
}: {
  api: string
  defaultPercent: number
  events: ImportEvent[]
  maxFileBytes: number
}) {
  const id = useId()
  const [eventId, setEventId] = useState<string>(events[0] ? String(events[0].id) : '')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState<'apply' | 'preview' | null>(null)
  const [preview, setPreview] = useState<AttendanceAnswer | null>(null)
  const [result, setResult] = useState<AttendanceAnswer | null>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const event = events.find((candidate) => String(candidate.id) === eventId)
  const router = useRouter()

  const reset = () => {
    setPreview(null)
    setResult(null)
    setFailure(null)
  }

  const run = async (step: 'apply' | 'preview') => {
    if (!file || !eventId) return
    if (file.size > maxFileBytes) {
      setFailure({ message: `The file is larger than ${number(maxFileBytes / 1_000_000)} MB.` })
      return
    }
    setBusy(step)
    setFailure(null)
    const answer = await send(`${api}/loyalty/imports/attendance/${eventId}/${step}`, file)
    setBusy(null)
    if (!answer.ok) {
      setFailure(failureOf(answer.body))
      return
    }
    if (step === 'preview') setPreview(answer.body as AttendanceAnswer)
    else {
      setResult(answer.body as AttendanceAnswer)
      setPreview(null)
      // The latest imports, listed by the server, now include this one.
      router.refresh()
    }
  }

  const onSubmit = (submitted: FormEvent) => {
    submitted.preventDefault()
    void run('preview')
  }

  if (events.length === 0) {
    return <p>No published event has started yet. Attendance is imported after an event.</p>
  }
  const minimumText = event
    ? event.minimumMinutes !== null
      ? `${event.minimumMinutes} minutes (set on the event)`
      : `${defaultPercent} % of the event’s length`
    : ''
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Webinar attendance</h2>
      <p className="loyalty-imports__intro">
        Upload the attendance report your webinar tool exports (Zoom, Teams, GoToWebinar or a plain{' '}
        <code>email,join,leave</code> file). Rejoins are added up, overlapping sessions count once.
        Members who attended at least the minimum are marked attended and earn the attendance points
        once, even if the file is imported again.
      </p>
      <form className="loyalty-imports__form" onSubmit={onSubmit}>
        <div className="loyalty-imports__field">
          <label htmlFor={`${id}-event`}>Event</label>
          <select
            id={`${id}-event`}
            onChange={(changed) => {
              setEventId(changed.target.value)
              reset()
            }}
            value={eventId}
          >
            {events.map((candidate) => (
              <option key={candidate.id} value={String(candidate.id)}>
                {candidate.title} · {when(candidate.startsAt, candidate.timeZone)}
              </option>
            ))}
          </select>
          {event ? (
            <p className="loyalty-imports__hint" id={`${id}-minimum`}>
              Minimum to count as attended: {minimumText}.
            </p>
          ) : null}
        </div>
        <div className="loyalty-imports__field">
          <label htmlFor={`${id}-file`}>Attendance report (CSV)</label>
          <input
            accept=".csv,text/csv"
            aria-describedby={`${id}-file-hint`}
            id={`${id}-file`}
            onChange={(changed) => {
              setFile(changed.target.files?.[0] ?? null)
              reset()
            }}
            type="file"
          />
          <p className="loyalty-imports__hint" id={`${id}-file-hint`}>
            Needs columns for the email, the join time and the leave time. Up to{' '}
            {number(maxFileBytes / 1_000_000)} MB.
          </p>
        </div>
        <div className="loyalty-imports__actions">
          <Button buttonStyle="primary" disabled={!file || busy !== null} type="submit">
            {busy === 'preview' ? 'Reading the file…' : 'Preview'}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {failure ? <ErrorBanner failure={failure} /> : null}
        {result?.applied ? (
          <div className="loyalty-imports__banner loyalty-imports__banner--ok" role="status">
            Done: {number(result.applied.attended)} member
            {result.applied.attended === 1 ? '' : 's'} marked attended at “{result.event.title}”,{' '}
            {number(result.applied.points)} points awarded.
            {result.alreadyAttended.length > 0
              ? ` ${number(result.alreadyAttended.length)} had already attended and earned nothing again.`
              : ''}
          </div>
        ) : null}
      </div>
      {result ? (
        <div className="loyalty-imports__panel">
          <PeopleTable open people={result.attends} showPoints title="Marked attended now" />
          <PeopleTable people={result.alreadyAttended} title="Already attended" />
        </div>
      ) : null}
      {preview ? (
        <div className="loyalty-imports__panel">
          <h2>Preview: {preview.file.name}</h2>
          <p className="loyalty-imports__hint">
            {number(preview.counts.rows)} lines, {number(preview.counts.people)} people. Minimum{' '}
            {number(preview.minimum.minutes)} minutes
            {preview.minimum.from === 'default' ? ` (${defaultPercent} % of the event)` : ''}.
            Columns used: “{preview.columns.email}”, “{preview.columns.join}”, “
            {preview.columns.leave}” (header on line {preview.columns.headerLine}). Nothing has been
            written yet.
          </p>
          <ul className="loyalty-imports__stats">
            <Stat label="will be marked attended" tone="good" value={preview.counts.attends} />
            <Stat label="below the minimum" tone="warn" value={preview.counts.belowThreshold} />
            <Stat label="not members" tone="warn" value={preview.counts.unmatched} />
            <Stat label="already attended" tone="plain" value={preview.counts.alreadyAttended} />
            <Stat label="lines not read" tone="bad" value={preview.counts.invalid} />
          </ul>
          <PeopleTable open people={preview.attends} title="Will be marked attended" />
          <PeopleTable people={preview.belowThreshold} title="Below the minimum" />
          <PeopleTable people={preview.unmatched} title="Not members (no such email)" />
          <PeopleTable people={preview.alreadyAttended} title="Already attended" />
          <InvalidLines lines={preview.invalid} title="Lines not read" />
          <div className="loyalty-imports__actions">
            <Button
              buttonStyle="primary"
              disabled={busy !== null || preview.counts.attends === 0}
              onClick={() => void run('apply')}
              type="button"
            >
              {busy === 'apply'
                ? 'Applying…'
                : `Mark ${number(preview.counts.attends)} attended and award points`}
            </Button>
            {preview.counts.attends === 0 ? (
              <span className="loyalty-imports__hint">Nobody in this file is left to mark.</span>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  )
}

function AdjustmentImport({ api, maxFileBytes }: { api: string; maxFileBytes: number }) {
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState<'apply' | 'preview' | null>(null)
  const [preview, setPreview] = useState<AdjustmentAnswer | null>(null)
  const [result, setResult] = useState<AdjustmentResult | null>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const router = useRouter()

  const run = async (step: 'apply' | 'preview') => {
    if (!file) return
    setBusy(step)
    setFailure(null)
    const answer = await send(`${api}/loyalty/imports/adjustments/${step}`, file)
    setBusy(null)
    if (!answer.ok) {
      setFailure(failureOf(answer.body))
      return
    }
    if (step === 'preview') setPreview(answer.body as AdjustmentAnswer)
    else {
      setResult(answer.body as AdjustmentResult)
      setPreview(null)
      router.refresh()
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Bulk point adjustment</h2>
      <p className="loyalty-imports__intro">
        Upload a CSV with the columns <code>email,points,reason</code>, one line per member (for
        example a trade show bonus). Negative points remove points, never below a member’s spendable
        balance. Every line is checked first; if any line has an error, nothing is applied. The
        member sees the reason on their statement.
      </p>
      <form
        className="loyalty-imports__form"
        onSubmit={(submitted) => {
          submitted.preventDefault()
          void run('preview')
        }}
      >
        <div className="loyalty-imports__field">
          <label htmlFor={`${id}-file`}>Adjustments (CSV)</label>
          <input
            accept=".csv,text/csv"
            aria-describedby={`${id}-file-hint`}
            id={`${id}-file`}
            onChange={(changed) => {
              setFile(changed.target.files?.[0] ?? null)
              setPreview(null)
              setResult(null)
              setFailure(null)
            }}
            type="file"
          />
          <p className="loyalty-imports__hint" id={`${id}-file-hint`}>
            Whole points other than 0; a reason of 5 to 300 characters. Up to{' '}
            {number(maxFileBytes / 1_000_000)} MB.
          </p>
        </div>
        <div className="loyalty-imports__actions">
          <Button buttonStyle="primary" disabled={!file || busy !== null} type="submit">
            {busy === 'preview' ? 'Checking the file…' : 'Preview'}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {failure ? <ErrorBanner failure={failure} /> : null}
        {result ? (
          <div className="loyalty-imports__banner loyalty-imports__banner--ok" role="status">
            Done: {number(result.applied.entries)} adjustment
            {result.applied.entries === 1 ? '' : 's'} applied (
            {[
              result.totals.added > 0 ? `${number(result.totals.added)} points added` : '',
              result.totals.removed > 0 ? `${number(result.totals.removed)} removed` : '',
            ]
              .filter(Boolean)
              .join(', ')}
            ).
          </div>
        ) : null}
      </div>
      {preview ? (
        <div className="loyalty-imports__panel">
          <h2>Preview: {preview.file.name}</h2>
          {preview.alreadyApplied ? (
            <div className="loyalty-imports__banner loyalty-imports__banner--warn" role="alert">
              This file was already applied on {when(preview.alreadyApplied.at)}. It cannot be
              applied twice; change the file if you mean to give these points again.
            </div>
          ) : null}
          {preview.errors.length > 0 ? (
            <div className="loyalty-imports__banner loyalty-imports__banner--error" role="alert">
              {preview.errors.length === 1
                ? '1 line has an error'
                : `${number(preview.errors.length)} lines have errors`}
              ; fix the file and preview it again. Nothing will be applied until every line is
              right.
              <ul>
                {preview.errors.map((error) => (
                  <li key={error.line}>{error.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <ul className="loyalty-imports__stats">
            <Stat label="lines ready" tone="good" value={preview.totals.lines} />
            <Stat label="points added" tone="plain" value={preview.totals.added} />
            <Stat label="points removed" tone="plain" value={preview.totals.removed} />
            <Stat label="lines with errors" tone="bad" value={preview.errors.length} />
          </ul>
          {preview.lines.length > 0 ? (
            <details open>
              <summary>
                <h3>Lines ready ({number(preview.lines.length)})</h3>
              </summary>
              <div className="loyalty-imports__scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">Email</th>
                      <th scope="col">Member</th>
                      <th className="num" scope="col">
                        Points
                      </th>
                      <th className="num" scope="col">
                        Balance
                      </th>
                      <th scope="col">Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.lines.map((line) => (
                      <tr key={line.line}>
                        <td data-label="Line">{line.line}</td>
                        <td className="email" data-label="Email">
                          {line.email}
                        </td>
                        <td data-label="Member">{line.name || '—'}</td>
                        <td className="num" data-label="Points">
                          {line.points > 0 ? '+' : '−'}
                          {number(Math.abs(line.points))}
                        </td>
                        <td className="num" data-label="Balance">
                          {number(line.spendableBefore)} → {number(line.spendableAfter)}
                        </td>
                        <td data-label="Reason">{line.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ) : null}
          <div className="loyalty-imports__actions">
            <Button
              buttonStyle="primary"
              disabled={busy !== null || !preview.valid || preview.alreadyApplied !== null}
              onClick={() => void run('apply')}
              type="button"
            >
              {busy === 'apply'
                ? 'Applying…'
                : `Apply ${number(preview.totals.lines)} adjustment${preview.totals.lines === 1 ? '' : 's'}`}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  )
}

/** The Imports page: webinar attendance and bulk adjustments, as tabs. */
export function ImportsClient({
  adminRoute,
  apiRoute,
  defaultPercent,
  events,
  maxFileBytes,
  recent,
  serverURL,
}: {
  adminRoute: string
  apiRoute: string
  defaultPercent: number
  events: ImportEvent[]
  maxFileBytes: number
  recent: RecentImport[]
  serverURL: string
}) {
  const id = useId()
  const [tab, setTab] = useState<'adjustments' | 'attendance'>('attendance')
  const { setStepNav } = useStepNav()
  useEffect(() => setStepNav([{ label: 'Imports' }]), [setStepNav])
  const api = `${serverURL}${apiRoute}`
  const tabs = [
    { key: 'attendance', label: 'Webinar attendance' },
    { key: 'adjustments', label: 'Bulk adjustment' },
  ] as const
  return (
    <div className="loyalty-imports">
      <style>{css}</style>
      <h1>Imports</h1>
      <div aria-label="What to import" className="loyalty-imports__tabs" role="tablist">
        {tabs.map(({ key, label }) => (
          <button
            aria-controls={`${id}-${key}`}
            aria-selected={tab === key}
            className="loyalty-imports__tab"
            id={`${id}-${key}-tab`}
            key={key}
            onClick={() => setTab(key)}
            onKeyDown={(pressed) => {
              if (pressed.key === 'ArrowRight' || pressed.key === 'ArrowLeft') {
                const next = tab === 'attendance' ? 'adjustments' : 'attendance'
                setTab(next)
                document.getElementById(`${id}-${next}-tab`)?.focus()
              }
            }}
            role="tab"
            tabIndex={tab === key ? 0 : -1}
            type="button"
          >
            {label}
          </button>
        ))}
      </div>
      <div aria-labelledby={`${id}-${tab}-tab`} id={`${id}-${tab}`} role="tabpanel" tabIndex={0}>
        {tab === 'attendance' ? (
          <AttendanceImport
            api={api}
            defaultPercent={defaultPercent}
            events={events}
            maxFileBytes={maxFileBytes}
          />
        ) : (
          <AdjustmentImport api={api} maxFileBytes={maxFileBytes} />
        )}
      </div>
      <section aria-labelledby={`${id}-history`} className="loyalty-imports__history">
        <h2 id={`${id}-history`}>Latest imports</h2>
        {recent.length === 0 ? (
          <p className="loyalty-imports__hint">Nothing has been imported yet.</p>
        ) : (
          <ul>
            {recent.map((item) => (
              <li key={item.id}>
                <Link href={`${adminRoute}/collections/loyalty-imports/${item.id}`}>
                  {item.fileName}
                </Link>{' '}
                · {item.kind === 'attendance' ? 'attendance' : 'adjustment'} ·{' '}
                {when(item.createdAt)} · {number(item.applied)}{' '}
                {item.kind === 'attendance' ? 'marked attended' : 'entries'}, {number(item.points)}{' '}
                points
              </li>
            ))}
          </ul>
        )}
        <Link href={`${adminRoute}/collections/loyalty-imports`}>Import history</Link>
      </section>
    </div>
  )
}

/** The navigation link to the Imports page, in a group of its own after the collections. */
export function ImportsNavLink() {
  const pathname = usePathname()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  const href = `${admin}/imports`
  const active = pathname === href
  return (
    <NavGroup isOpen label="Loyalty tools">
      <Link className="nav__link" href={href} prefetch={false}>
        {active ? <div className="nav__link-indicator" /> : null}
        <span className="nav__link-label">Imports</span>
      </Link>
    </NavGroup>
  )
}
