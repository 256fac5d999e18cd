import type { Metadata } from 'next'

import { jobRoles } from '@/config/programme'

import { ActionButton } from '@/portal/client/ActionButton'
import { InviteForm } from '@/portal/client/InviteForm'
import { Badge, type BadgeTone } from '@/portal/components/Badge'
import { Card } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { PageHeader } from '@/portal/components/PageHeader'
import { formatDate } from '@/portal/data/format'
import { type Invitation, myInvitations } from '@/portal/data/referrals'
import { requireMember } from '@/portal/data/session'

export const metadata: Metadata = { title: 'Invite a colleague' }

const stateText: Record<Invitation['state'], { label: string; tone: BadgeTone }> = {
  accepted: { label: 'Joined', tone: 'success' },
  expired: { label: 'Expired', tone: 'locked' },
  open: { label: 'Waiting', tone: 'warning' },
  revoked: { label: 'Withdrawn', tone: 'locked' },
}

/** Invite a colleague, and the invitations I sent (withdraw the open ones). */
export default async function InvitePage() {
  const [{ member }, invitations] = await Promise.all([requireMember(), myInvitations()])
  return (
    <>
      <PageHeader title="Invite a colleague">
        <p>
          Invite a colleague from your company. When they have joined and completed their first
          course, you both earn referral points.
        </p>
      </PageHeader>
      <Card>
        <InviteForm defaultJobRole={member.jobRole} jobRoles={jobRoles} />
      </Card>
      <section aria-labelledby="my-invitations" className="pc-section">
        <h2 id="my-invitations">My invitations</h2>
        {invitations.length === 0 ? (
          <EmptyState title="You have not invited anyone yet." />
        ) : (
          <Card>
            <ul className="pc-list" data-testid="my-invitations">
              {invitations.map((invitation) => (
                <li key={invitation.id}>
                  <div className="pc-list__row">
                    <div>
                      <strong>{invitation.name ?? invitation.email}</strong>
                      <div className="pc-card__meta">
                        {invitation.name ? `${invitation.email} · ` : ''}sent{' '}
                        {formatDate(invitation.createdAt)}
                        {invitation.state === 'open'
                          ? ` · valid until ${formatDate(invitation.expiresAt)}`
                          : ''}
                        {invitation.rewardedAt ? ' · referral points earned' : ''}
                      </div>
                    </div>
                    <Badge tone={stateText[invitation.state].tone}>
                      {stateText[invitation.state].label}
                    </Badge>
                  </div>
                  {invitation.state === 'open' ? (
                    <ActionButton
                      confirm={{
                        cancel: 'Keep it',
                        confirm: 'Yes, withdraw',
                        question: `Withdraw the invitation to ${invitation.email}? The link stops working.`,
                      }}
                      label="Withdraw"
                      path={`/loyalty/invitations/${invitation.id}/revoke`}
                      success="Invitation withdrawn."
                      variant="secondary"
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </>
  )
}
