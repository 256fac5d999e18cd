import Link from 'next/link'

export const dynamic = 'force-dynamic'

/** Portal entry page. The member portal itself (sign-in, courses, points) builds on this. */
export default function HomePage() {
  return (
    <main className="landing">
      <p className="eyebrow">Nordwind Heat Systems</p>
      <h1>Partner Club</h1>
      <p className="lead">
        Learn, attend and earn: courses, success stories and events for the people who sell, design
        and install our heat pumps, with points for you and your company.
      </p>
      <nav aria-label="Entrances" className="actions">
        <Link className="button" href="/admin">
          Staff sign-in (admin)
        </Link>
      </nav>
    </main>
  )
}
