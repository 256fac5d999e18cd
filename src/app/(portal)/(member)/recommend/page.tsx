import type { Metadata } from 'next'

import { LeadForm } from '@/portal/client/LeadForm'
import { Badge, type BadgeTone } from '@/portal/components/Badge'
import { Card } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { PageHeader } from '@/portal/components/PageHeader'
import { formatDate } from '@/portal/data/format'
import { type Lead, myLeads } from '@/portal/data/referrals'

export const metadata: Metadata = { title: 'Recommend a company' }

const statusText: Record<Lead['status'], { label: string; tone: BadgeTone }> = {
  converted: { label: 'New partner: points earned', tone: 'success' },
  new: { label: 'Received', tone: 'neutral' },
  qualified: { label: 'In talks', tone: 'warning' },
  rejected: { label: 'Not a fit', tone: 'locked' },
}

/** Recommend a company as a prospective partner, and what became of my recommendations. */
export default async function RecommendPage() {
  const leads = await myLeads()
  return (
    <>
      <PageHeader title="Recommend a company">
        <p>
          Know a company that should sell or install Nordwind? Tell us. If it becomes a partner, you
          earn referral points.
        </p>
      </PageHeader>
      <Card>
        <LeadForm />
      </Card>
      <section aria-labelledby="my-leads" className="pc-section">
        <h2 id="my-leads">My recommendations</h2>
        {leads.length === 0 ? (
          <EmptyState title="You have not recommended a company yet." />
        ) : (
          <Card>
            <ul className="pc-list" data-testid="my-leads">
              {leads.map((lead) => (
                <li key={lead.id}>
                  <div className="pc-list__row">
                    <div>
                      <strong>{lead.company}</strong>
                      <div className="pc-card__meta">
                        {lead.contactName} · {formatDate(lead.createdAt)}
                      </div>
                    </div>
                    <Badge tone={statusText[lead.status].tone}>
                      {statusText[lead.status].label}
                    </Badge>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </>
  )
}
