import type { Metadata } from 'next'

import type { LoyaltyRedemption, LoyaltyReward } from '@/payload-types'

import { ActionButton } from '@/portal/client/ActionButton'
import { RedeemButton } from '@/portal/client/RedeemButton'
import { Badge, type BadgeTone, LockedBadge } from '@/portal/components/Badge'
import { Card } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { PageHeader } from '@/portal/components/PageHeader'
import { tierGate } from '@/portal/data/content'
import { formatDate, formatPoints } from '@/portal/data/format'
import { requireMember } from '@/portal/data/session'

export const metadata: Metadata = { title: 'Rewards' }

const statusText: Record<LoyaltyRedemption['status'], { label: string; tone: BadgeTone }> = {
  approved: { label: 'Approved', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'locked' },
  fulfilled: { label: 'Delivered', tone: 'success' },
  rejected: { label: 'Not approved, refunded', tone: 'danger' },
  requested: { label: 'Waiting for approval', tone: 'warning' },
}

/** The rewards catalogue (cost, stock, tier), redeeming with a confirmation, and my redemptions. */
export default async function RewardsPage() {
  const { member, payload } = await requireMember()
  const [{ docs: rewards }, { docs: redemptions }, gate] = await Promise.all([
    payload.find({
      collection: 'loyalty-rewards',
      depth: 1,
      limit: 100,
      overrideAccess: false,
      sort: 'cost',
      user: member,
    }),
    payload.find({
      collection: 'loyalty-redemptions',
      depth: 0,
      limit: 50,
      overrideAccess: false,
      sort: '-createdAt',
      user: member,
      where: { member: { equals: member.id } },
    }),
    tierGate(),
  ])
  const spendable = member.loyalty?.spendable ?? 0
  const now = Date.now()
  const available = (rewards as LoyaltyReward[]).filter(
    (reward) =>
      (!reward.activeFrom || new Date(reward.activeFrom).getTime() <= now) &&
      (!reward.activeUntil || new Date(reward.activeUntil).getTime() >= now),
  )
  return (
    <>
      <PageHeader title="Rewards">
        <p>
          Spend your points on gear, vouchers and experiences. You have{' '}
          <strong className="pc-points-gain">{formatPoints(spendable)} points</strong> to spend.
        </p>
      </PageHeader>
      <ul className="pc-grid pc-grid--3" data-testid="reward-list">
        {available.map((reward) => {
          const locked = gate.missingTier(reward.minimumTier)
          const soldOut = reward.stock !== null && reward.stock !== undefined && reward.stock <= 0
          const short = reward.cost - spendable
          const reason = locked
            ? `For ${locked.name} members and above.`
            : soldOut
              ? 'Out of stock.'
              : short > 0
                ? `You need ${formatPoints(short)} more points.`
                : undefined
          return (
            <Card as="li" key={reward.id} tone={locked ? 'locked' : 'plain'}>
              <h2 className="pc-card__title">{reward.title}</h2>
              <div className="pc-row">
                <Badge tone="points">{formatPoints(reward.cost)} points</Badge>
                {reward.stock !== null && reward.stock !== undefined ? (
                  <Badge tone={soldOut ? 'danger' : 'neutral'}>
                    {soldOut ? 'Out of stock' : `${reward.stock} left`}
                  </Badge>
                ) : null}
                {locked ? <LockedBadge tier={locked.name} /> : null}
                {reward.requiresManagerApproval ? <Badge>Manager approval</Badge> : null}
              </div>
              {reward.description ? (
                <p className="pc-card__meta" style={{ marginTop: 'var(--pc-space-3)' }}>
                  {reward.description}
                </p>
              ) : null}
              <div className="pc-card__footer">
                <RedeemButton
                  cost={reward.cost}
                  disabledReason={reason}
                  rewardId={reward.id}
                  title={reward.title}
                />
              </div>
            </Card>
          )
        })}
      </ul>

      <section aria-labelledby="my-redemptions" className="pc-section">
        <h2 id="my-redemptions">My redemptions</h2>
        {redemptions.length === 0 ? (
          <EmptyState title="You have not redeemed anything yet." />
        ) : (
          <Card>
            <ul className="pc-list" data-testid="my-redemptions">
              {(redemptions as LoyaltyRedemption[]).map((redemption) => (
                <li key={redemption.id}>
                  <div className="pc-list__row">
                    <div>
                      <strong>{redemption.rewardTitle}</strong>
                      <div className="pc-card__meta">
                        {formatDate(redemption.createdAt)} · {formatPoints(redemption.points)}{' '}
                        points
                      </div>
                    </div>
                    <Badge tone={statusText[redemption.status].tone}>
                      {statusText[redemption.status].label}
                    </Badge>
                  </div>
                  {redemption.status === 'requested' || redemption.status === 'approved' ? (
                    <ActionButton
                      confirm={{
                        cancel: 'Keep it',
                        confirm: 'Yes, cancel',
                        question: `Cancel ${redemption.rewardTitle ?? 'this redemption'}? Your points are refunded.`,
                      }}
                      label="Cancel redemption"
                      path={`/loyalty-redemptions/${redemption.id}/cancel`}
                      success="Cancelled; your points are refunded."
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
