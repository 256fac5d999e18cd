'use client'

import React, { useEffect, useId, useMemo, useState } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

import type { ProgrammeAnalytics } from '../services/analytics'

import { useApiJson } from './useApiJson'

type Named = { id: string; name: string }
type Choices = {
  jobRoles: { label: string; value: string }[]
  partners: Named[]
  regions: { label: string; value: string }[] | null
  tiers: Named[]
}
type Filters = {
  from: string
  jobRole: string
  partner: string
  preset: string
  region: string
  tier: string
  to: string
}

const DAY = 86_400_000
const day = (date: Date) => date.toISOString().slice(0, 10)
const today = () => new Date(`${day(new Date())}T00:00:00Z`)

/** Period presets: the last n days (today included), or this calendar year. */
const presets: { days?: number; label: string; value: string }[] = [
  { days: 7, label: 'Last 7 days', value: '7' },
  { days: 30, label: 'Last 30 days', value: '30' },
  { days: 90, label: 'Last 90 days', value: '90' },
  { days: 365, label: 'Last 12 months', value: '365' },
  { label: 'This year', value: 'year' },
  { label: 'Custom period', value: 'custom' },
]

const periodOf = (preset: string): { from: string; to: string } => {
  const end = today()
  if (preset === 'year') return { from: `${end.getUTCFullYear()}-01-01`, to: day(end) }
  const days = presets.find((item) => item.value === preset)?.days ?? 30
  return { from: day(new Date(end.getTime() - (days - 1) * DAY)), to: day(end) }
}

/** Colours that read on the light and the dark admin theme alike. */
const kindColours: Record<string, string> = {
  adjust: '#8e6bd6',
  earn: '#2f9e6e',
  expire: '#d08a1e',
  move: '#7a8595',
  redeem: '#3b7dd8',
  refund: '#4fb3bf',
  reverse: '#d9534f',
}

const number = new Intl.NumberFormat('en-GB')
const formatNumber = (value: null | number | undefined) =>
  value === null || value === undefined ? '–' : number.format(value)
const percent = (value: null | number | undefined) =>
  value === null || value === undefined ? '–' : `${value.toLocaleString('en-GB')} %`

/** An NPS with the previous period's beside it: "40 (was 10)", "40 (new)", or "–". */
const npsTrend = (nps: { previous: { score: null | number }; score: null | number }) => {
  if (nps.score === null) {
    return nps.previous.score === null ? '–' : `– (was ${formatNumber(nps.previous.score)})`
  }
  return nps.previous.score === null
    ? formatNumber(nps.score)
    : `${formatNumber(nps.score)} (was ${formatNumber(nps.previous.score)})`
}

const css = `
.programme { display: grid; gap: calc(var(--base) * 1.5); padding-bottom: calc(var(--base) * 3); }
.programme h1 { margin: 0; }
.programme h2 { font-size: 1.15rem; margin: 0 0 calc(var(--base) * 0.5); }
.programme__intro { color: var(--theme-elevation-600); margin: 0; }
.programme__filters { display: grid; gap: calc(var(--base) * 0.75); grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); align-items: end; }
.programme__filters label { display: grid; gap: 4px; font-size: 0.85rem; color: var(--theme-elevation-800); }
.programme__filters select, .programme__filters input {
  background: var(--theme-input-bg, var(--theme-elevation-0)); color: var(--theme-text);
  border: 1px solid var(--theme-elevation-150); border-radius: var(--style-radius-s, 3px);
  font: inherit; min-height: 36px; padding: 4px 8px; width: 100%;
}
.programme__cards { display: grid; gap: calc(var(--base) * 0.75); grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); }
.programme__card, .programme__panel {
  background: var(--theme-elevation-50); border: 1px solid var(--theme-elevation-100);
  border-radius: var(--style-radius-m, 4px); padding: calc(var(--base) * 0.75);
}
.programme__card dt { color: var(--theme-elevation-700); font-size: 0.85rem; }
.programme__card dd { font-size: 1.6rem; font-weight: 600; margin: 4px 0 0; }
.programme__card small { color: var(--theme-elevation-600); display: block; font-size: 0.8rem; margin-top: 2px; }
.programme__card--alert dd { color: var(--theme-error-500); }
.programme__charts { display: grid; gap: calc(var(--base) * 0.75); grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); }
/* Grid items may shrink below their content, so that wide tables scroll inside their panel. */
.programme, .programme > *, .programme__charts > *, .programme__panel { min-width: 0; }
.programme__table-wrap { max-width: 100%; overflow-x: auto; }
.programme table { border-collapse: collapse; font-size: 0.9rem; min-width: 100%; }
.programme th, .programme td { border-bottom: 1px solid var(--theme-elevation-100); padding: 6px 8px; text-align: right; white-space: nowrap; }
.programme th:first-child, .programme td:first-child { text-align: left; white-space: normal; min-width: 10rem; }
.programme thead th { color: var(--theme-elevation-700); font-weight: 600; }
.programme caption { caption-side: top; color: var(--theme-elevation-600); font-size: 0.85rem; padding-bottom: 4px; text-align: left; }
.programme__exports { display: flex; flex-wrap: wrap; gap: calc(var(--base) * 0.5); list-style: none; margin: 0; padding: 0; }
.programme__exports a { border: 1px solid var(--theme-elevation-150); border-radius: var(--style-radius-s, 3px); display: inline-block; padding: 4px 10px; text-decoration: none; }
.programme__bad { color: var(--theme-error-500); font-weight: 600; }
.programme__status { color: var(--theme-elevation-600); }
.programme .recharts-text { fill: var(--theme-elevation-700); font-size: 12px; }
.programme .recharts-cartesian-grid line { stroke: var(--theme-elevation-100); }
.programme .recharts-default-tooltip { background: var(--theme-elevation-0) !important; border-color: var(--theme-elevation-150) !important; }
.programme .recharts-legend-item-text { color: var(--theme-elevation-800) !important; }
`

const Card = ({
  alert = false,
  hint,
  label,
  value,
}: {
  alert?: boolean
  hint?: string
  label: string
  value: string
}) => (
  <div className={`programme__card${alert ? ' programme__card--alert' : ''}`}>
    <dt>{label}</dt>
    <dd>{value}</dd>
    {hint ? <small>{hint}</small> : null}
  </div>
)

/** A table with a caption and column headers; wide tables scroll sideways on phones. */
function Table({
  caption,
  columns,
  empty,
  rows,
}: {
  caption: string
  columns: string[]
  empty: string
  rows: React.ReactNode[][]
}) {
  return (
    <div className="programme__table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) =>
                  column === 0 ? (
                    <th key={column} scope="row" style={{ fontWeight: 'normal' }}>
                      {cell}
                    </th>
                  ) : (
                    <td key={column}>{cell}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}

const shortDate = (bucket: string) => {
  const date = new Date(`${bucket}T00:00:00Z`)
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
}

/**
 * The programme's analytics for staff: filters (period and who), figure cards, charts and
 * tables, read from `GET /api/loyalty/analytics`, with links to the CSV exports of the period.
 */
export function ProgrammeDashboard({
  adminRoute,
  apiRoute,
  serverURL,
}: {
  adminRoute: string
  apiRoute: string
  serverURL: string
}) {
  const id = useId()
  const [filters, setFilters] = useState<Filters>(() => ({
    ...periodOf('30'),
    jobRole: '',
    partner: '',
    preset: '30',
    region: '',
    tier: '',
  }))
  const api = `${serverURL}${apiRoute}`

  // Filters from the address, so that a view can be bookmarked and shared.
  useEffect(() => {
    const search = new URLSearchParams(window.location.search)
    const from = search.get('from')
    const to = search.get('to')
    setFilters((current) => ({
      ...current,
      ...(from && to ? { from, preset: 'custom', to } : {}),
      jobRole: search.get('jobRole') ?? '',
      partner: search.get('partner') ?? '',
      region: search.get('region') ?? '',
      tier: search.get('tier') ?? '',
    }))
  }, [])

  // The filters' choices; without them the filters still work, with fewer options.
  const choicesState = useApiJson<Choices>(`${api}/loyalty/analytics/choices`, '')
  const choices = choicesState.status === 'ready' ? choicesState.data : null

  const query = useMemo(() => {
    const search = new URLSearchParams({ from: filters.from, to: filters.to })
    for (const key of ['partner', 'region', 'jobRole', 'tier'] as const) {
      if (filters[key]) search.set(key, filters[key])
    }
    return search.toString()
  }, [filters])

  // The address follows the filters.
  useEffect(() => {
    window.history.replaceState(null, '', `${window.location.pathname}?${query}`)
  }, [query])
  const state = useApiJson<ProgrammeAnalytics>(
    `${api}/loyalty/analytics?${query}`,
    'The figures could not be loaded.',
  )

  const set =
    (key: keyof Filters) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = event.target.value
      setFilters((current) => {
        if (key === 'preset') {
          return value === 'custom'
            ? { ...current, preset: value }
            : { ...current, ...periodOf(value), preset: value }
        }
        if ((key === 'from' || key === 'to') && !value) return current
        return {
          ...current,
          [key]: value,
          ...(key === 'from' || key === 'to' ? { preset: 'custom' } : {}),
        }
      })
    }

  const field = (name: string) => `${id}-${name}`
  const data = state.status === 'ready' ? state.data : null
  const exportsQuery = new URLSearchParams({ from: filters.from, to: filters.to }).toString()
  const partnerLink = (partner: Named) => (
    <a href={`${serverURL}${adminRoute}/collections/partners/${partner.id}`}>{partner.name}</a>
  )

  return (
    <div className="programme">
      <style>{css}</style>
      <header>
        <h1>Programme</h1>
        <p className="programme__intro">
          Who the programme reaches, what it gives out and which partners are slipping away.
        </p>
      </header>

      <form
        aria-label="Filters"
        className="programme__filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <label htmlFor={field('preset')}>
          Period
          <select id={field('preset')} onChange={set('preset')} value={filters.preset}>
            {presets.map((preset) => (
              <option key={preset.value} value={preset.value}>
                {preset.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={field('from')}>
          From
          <input id={field('from')} onChange={set('from')} type="date" value={filters.from} />
        </label>
        <label htmlFor={field('to')}>
          To
          <input id={field('to')} onChange={set('to')} type="date" value={filters.to} />
        </label>
        <label htmlFor={field('partner')}>
          Partner
          <select id={field('partner')} onChange={set('partner')} value={filters.partner}>
            <option value="">All partners</option>
            {choices?.partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </select>
        </label>
        {choices?.regions ? (
          <label htmlFor={field('region')}>
            Region
            <select id={field('region')} onChange={set('region')} value={filters.region}>
              <option value="">All regions</option>
              {choices.regions.map((region) => (
                <option key={region.value} value={region.value}>
                  {region.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label htmlFor={field('jobRole')}>
          Job role
          <select id={field('jobRole')} onChange={set('jobRole')} value={filters.jobRole}>
            <option value="">All job roles</option>
            {choices?.jobRoles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={field('tier')}>
          Tier
          <select id={field('tier')} onChange={set('tier')} value={filters.tier}>
            <option value="">All tiers</option>
            {choices?.tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
          </select>
        </label>
      </form>

      <div aria-live="polite" className="programme__status">
        {state.status === 'loading' ? 'Loading the figures…' : null}
        {state.status === 'failed' ? <span className="programme__bad">{state.message}</span> : null}
        {data
          ? `${data.period.from} to ${data.period.to} (${data.period.days} days), compared with the ${data.period.days} days before.`
          : null}
      </div>

      {data ? (
        <>
          <section aria-labelledby={field('figures')}>
            <h2 id={field('figures')}>Figures</h2>
            <dl className="programme__cards">
              <Card
                hint={`${formatNumber(data.reach.total.reached)} of ${formatNumber(data.reach.total.members)} members signed in or earned`}
                label="Reach"
                value={percent(data.reach.total.reachedShare)}
              />
              <Card
                hint={`${formatNumber(data.reach.total.signedIn)} members`}
                label="Signed in"
                value={percent(data.reach.total.signedInShare)}
              />
              <Card
                hint={`${formatNumber(data.reach.total.earned)} members`}
                label="Earned points"
                value={percent(data.reach.total.earnedShare)}
              />
              <Card label="Points issued" value={formatNumber(data.points.issued)} />
              <Card
                hint="spendable points held now"
                label="Liability"
                value={formatNumber(data.points.liability.total.spendable)}
              />
              <Card
                hint={`within ${data.points.liability.expiringDays} days`}
                label="Expiring"
                value={formatNumber(data.points.liability.total.expiring)}
              />
              <Card
                hint={`${formatNumber(data.feedback.nps.responses)} responses; ${
                  data.feedback.nps.previous.score === null
                    ? 'none the period before'
                    : `${formatNumber(data.feedback.nps.previous.score)} the period before`
                }`}
                label="NPS"
                value={formatNumber(data.feedback.nps.score)}
              />
              <Card
                alert={data.atRisk.total > 0}
                hint={`activity down ${data.atRisk.dropPercent} % or more`}
                label="Partners at risk"
                value={formatNumber(data.atRisk.total)}
              />
            </dl>
          </section>

          <div className="programme__charts">
            <section aria-labelledby={field('points-chart')} className="programme__panel">
              <h2 id={field('points-chart')}>Points over time, by kind</h2>
              <div aria-hidden="true" style={{ height: 260, width: '100%' }}>
                <ResponsiveContainer>
                  <BarChart
                    data={data.points.series.points.map((point) => ({
                      bucket: point.bucket,
                      ...point.values,
                    }))}
                    stackOffset="sign"
                  >
                    <CartesianGrid vertical={false} />
                    <XAxis dataKey="bucket" minTickGap={16} tickFormatter={shortDate} />
                    <YAxis width={56} />
                    <Tooltip labelFormatter={(label) => shortDate(String(label))} />
                    <Legend />
                    {data.points.series.kinds.map((kind) => (
                      <Bar
                        dataKey={kind}
                        fill={kindColours[kind] ?? '#7a8595'}
                        key={kind}
                        stackId="points"
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <Table
                caption="Points by kind in the period"
                columns={['Kind', 'Entries', 'Points']}
                empty="No points moved in this period."
                rows={data.points.byKind.map((row) => [
                  row.kind,
                  formatNumber(row.entries),
                  formatNumber(row.points),
                ])}
              />
            </section>

            <section aria-labelledby={field('tiers-chart')} className="programme__panel">
              <h2 id={field('tiers-chart')}>Tiers</h2>
              <div aria-hidden="true" style={{ height: 200, width: '100%' }}>
                <ResponsiveContainer>
                  <BarChart
                    data={data.tiers.members.map((row) => ({
                      members: row.count,
                      tier: row.tier?.name ?? 'No tier',
                    }))}
                    layout="vertical"
                  >
                    <CartesianGrid horizontal={false} />
                    <XAxis type="number" />
                    <YAxis dataKey="tier" type="category" width={80} />
                    <Tooltip />
                    <Bar dataKey="members" fill="#3b7dd8" name="Members" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <Table
                caption="Members and partners per tier, now"
                columns={['Tier', 'Members', 'Share', 'Partners']}
                empty="No members."
                rows={data.tiers.members.map((row) => {
                  const partners = data.tiers.organisations?.find(
                    (item) => (item.tier?.id ?? null) === (row.tier?.id ?? null),
                  )
                  return [
                    row.tier?.name ?? 'No tier',
                    formatNumber(row.count),
                    percent(row.share),
                    data.tiers.organisations ? formatNumber(partners?.count ?? 0) : '–',
                  ]
                })}
              />
            </section>

            <section aria-labelledby={field('moves-chart')} className="programme__panel">
              <h2 id={field('moves-chart')}>
                Tier movements: {formatNumber(data.tiers.movements.totals.upgrades)} up,{' '}
                {formatNumber(data.tiers.movements.totals.downgrades)} down
              </h2>
              <div aria-hidden="true" style={{ height: 220, width: '100%' }}>
                <ResponsiveContainer>
                  <BarChart
                    data={data.tiers.movements.points.map((point) => ({
                      bucket: point.bucket,
                      downgrades: -(
                        point.values.memberDowngrades + point.values.organisationDowngrades
                      ),
                      upgrades: point.values.memberUpgrades + point.values.organisationUpgrades,
                    }))}
                    stackOffset="sign"
                  >
                    <CartesianGrid vertical={false} />
                    <XAxis dataKey="bucket" minTickGap={16} tickFormatter={shortDate} />
                    <YAxis allowDecimals={false} width={40} />
                    <Tooltip labelFormatter={(label) => shortDate(String(label))} />
                    <Legend />
                    <Bar dataKey="upgrades" fill="#2f9e6e" name="Upgrades" stackId="moves" />
                    <Bar dataKey="downgrades" fill="#d9534f" name="Downgrades" stackId="moves" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </section>
          </div>

          <section aria-labelledby={field('at-risk')} className="programme__panel">
            <h2 id={field('at-risk')}>Partners at risk</h2>
            <Table
              caption={`Points their people earned, against the previous ${data.period.days} days; ${data.atRisk.total} partners flagged.`}
              columns={[
                'Partner',
                'Points now',
                'Before',
                'Change',
                'Active members now',
                'Before',
                'NPS (before)',
              ]}
              empty="No partner's activity dropped."
              rows={data.atRisk.partners.map((row) => [
                partnerLink(row),
                formatNumber(row.points),
                formatNumber(row.previousPoints),
                <span className="programme__bad" key="drop">
                  {row.reason === 'stopped' ? 'stopped' : `−${row.dropPercent} %`}
                </span>,
                formatNumber(row.activeMembers),
                formatNumber(row.previousActiveMembers),
                npsTrend(row.nps),
              ])}
            />
          </section>

          <section aria-labelledby={field('reach')} className="programme__panel">
            <h2 id={field('reach')}>Reach per partner</h2>
            <Table
              caption={`The least reached first (${Math.min(data.reach.byOrganisation.length, data.reach.organisations)} of ${data.reach.organisations} partners).`}
              columns={[
                'Partner',
                'Members',
                'Signed in',
                'Earned',
                'Reached',
                'Reach',
                'NPS (before)',
              ]}
              empty="No members in scope."
              rows={data.reach.byOrganisation.map((row) => [
                row.organisation.id ? partnerLink(row.organisation) : row.organisation.name,
                formatNumber(row.members),
                formatNumber(row.signedIn),
                formatNumber(row.earned),
                formatNumber(row.reached),
                percent(row.reachedShare),
                npsTrend(row.nps),
              ])}
            />
          </section>

          <section aria-labelledby={field('courses')} className="programme__panel">
            <h2 id={field('courses')}>Course funnel</h2>
            <Table
              caption="Members who started a lesson, lessons completed, quiz attempts and passes, courses completed and certificates."
              columns={[
                'Course',
                'Started',
                'Lessons done',
                'Quiz attempts',
                'Passed',
                'Completed',
                'Certified',
                'Completion',
              ]}
              empty="Nobody worked on a course in this period."
              rows={data.courses.map((row) => [
                row.course.name,
                formatNumber(row.started),
                formatNumber(row.lessonsCompleted),
                formatNumber(row.quizAttempts),
                formatNumber(row.passed),
                formatNumber(row.completed),
                formatNumber(row.certified),
                percent(row.completionRate),
              ])}
            />
          </section>

          <section aria-labelledby={field('events')} className="programme__panel">
            <h2 id={field('events')}>Events</h2>
            <Table
              caption="Events that start in the period; attendance once they have ended."
              columns={[
                'Event',
                'Starts',
                'Registered',
                'Waitlisted',
                'Cancelled',
                'Attended',
                'Attendance',
                'No-shows',
              ]}
              empty="No events start in this period."
              rows={data.events.map((row) => [
                row.event.name,
                row.startsAt ? shortDate(row.startsAt.slice(0, 10)) : '–',
                formatNumber(row.seats),
                formatNumber(row.waitlisted),
                formatNumber(row.cancelled),
                formatNumber(row.attended),
                percent(row.attendanceRate),
                formatNumber(row.noShows),
              ])}
            />
          </section>

          <div className="programme__charts">
            <section aria-labelledby={field('top-points')} className="programme__panel">
              <h2 id={field('top-points')}>Top content by points</h2>
              <Table
                caption="Points members earned from it in the period."
                columns={['Content', 'Points']}
                empty="No points earned from content."
                rows={data.topContent.byPoints.map((row) => [
                  row.document.name,
                  formatNumber(row.count),
                ])}
              />
            </section>
            <section aria-labelledby={field('top-completions')} className="programme__panel">
              <h2 id={field('top-completions')}>Top content by completions</h2>
              <Table
                caption="Courses completed, case studies read, events attended."
                columns={['Content', 'Completions']}
                empty="Nothing completed in this period."
                rows={data.topContent.byCompletions.map((row) => [
                  row.document.name,
                  formatNumber(row.count),
                ])}
              />
            </section>
            <section aria-labelledby={field('rules')} className="programme__panel">
              <h2 id={field('rules')}>Points by rule and promotion</h2>
              <Table
                caption="Points earned under each earning rule and promotion."
                columns={['Rule or promotion', 'Entries', 'Points']}
                empty="No points earned."
                rows={[
                  ...data.points.byRule.map((row) => [
                    row.rule?.name ?? 'No rule',
                    formatNumber(row.entries),
                    formatNumber(row.points),
                  ]),
                  ...data.points.byPromotion.map((row) => [
                    `Promotion: ${row.promotion.name}`,
                    formatNumber(row.entries),
                    formatNumber(row.points),
                  ]),
                ]}
              />
            </section>
          </div>

          <section aria-labelledby={field('exports')}>
            <h2 id={field('exports')}>CSV exports of this period</h2>
            <ul className="programme__exports">
              {(['ledger', 'members', 'completions', 'attendance'] as const).map((kind) => (
                <li key={kind}>
                  <a download href={`${api}/loyalty/exports/${kind}?${exportsQuery}`}>
                    {kind[0].toUpperCase() + kind.slice(1)} (CSV)
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  )
}
