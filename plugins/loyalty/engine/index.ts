/**
 * The loyalty engine: pure business rules of the Partner Club loyalty programme. Plain data in,
 * plain data out; no Payload, no database.
 */
export * from './award'
export * from './calendar'
export * from './expiry'
export * from './feedback'
export * from './format'
export * from './ledger'
export * from './matching'
export * from './moves'
export * from './nextActions'
export * from './numbers'
export * from './quiz'
export * from './redemption'
export * from './referrals'
export * from './tiers'
export * from './timing'
export type * from './types'
