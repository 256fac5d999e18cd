import { describe, expect, it } from 'vitest'

import {
  composeDigest,
  defaultPreferences,
  digestContent,
  eventReminderContent,
  notificationCategories,
  parsePreferencesUpdate,
  pickTip,
  preferencesOf,
  redemptionContent,
  renderMail,
  tierUpgradeIsNews,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from './notifications'

const context = {
  category: 'digest' as const,
  memberName: 'Anna <Becker>',
  preferencesURL: 'https://club.example/settings/notifications',
  programmeName: 'Partner Club',
  unsubscribeApiURL: 'https://club.example/api/loyalty/notifications/unsubscribe?m=1&c=digest&t=x',
  unsubscribeURL: 'https://club.example/api/loyalty/notifications/unsubscribe?m=1&c=digest&t=x',
}

describe('preferences', () => {
  it('are all on by default and for members who never chose', () => {
    expect(Object.values(defaultPreferences()).every(Boolean)).toBe(true)
    expect(preferencesOf(null)).toEqual(defaultPreferences())
    expect(preferencesOf({ digest: null, expiring: false })).toEqual({
      ...defaultPreferences(),
      expiring: false,
    })
  })

  it('accept only known categories with true or false', () => {
    expect(parsePreferencesUpdate({ preferences: { digest: false, tierUpgrade: true } })).toEqual({
      preferences: { digest: false, tierUpgrade: true },
    })
    expect(parsePreferencesUpdate({})).toHaveProperty('error')
    expect(parsePreferencesUpdate({ preferences: [] })).toHaveProperty('error')
    expect(parsePreferencesUpdate({ preferences: {} })).toHaveProperty('error')
    expect(parsePreferencesUpdate({ preferences: { spam: true } })).toEqual({
      error: expect.stringContaining('"spam" is not a kind of notification'),
    })
    expect(parsePreferencesUpdate({ preferences: { digest: 'no' } })).toEqual({
      error: '"digest" must be true (receive it) or false (do not).',
    })
  })
})

describe('unsubscribe tokens', () => {
  it('verify for the same member and category only, and not with another secret', () => {
    const token = unsubscribeToken('secret', 42, 'digest')
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(verifyUnsubscribeToken('secret', 42, 'digest', token)).toBe(true)
    expect(verifyUnsubscribeToken('secret', '42', 'digest', token)).toBe(true)
    expect(verifyUnsubscribeToken('secret', 43, 'digest', token)).toBe(false)
    expect(verifyUnsubscribeToken('secret', 42, 'expiring', token)).toBe(false)
    expect(verifyUnsubscribeToken('other', 42, 'digest', token)).toBe(false)
    expect(verifyUnsubscribeToken('secret', 42, 'digest', '')).toBe(false)
    expect(verifyUnsubscribeToken('secret', 42, 'digest', `${token}x`)).toBe(false)
  })

  it('differ per category', () => {
    const tokens = notificationCategories.map((category) => unsubscribeToken('s', 1, category))
    expect(new Set(tokens).size).toBe(notificationCategories.length)
  })
})

describe('the digest', () => {
  it('sums the new points and ranks the reasons by points, ties A–Z', () => {
    const digest = composeDigest(
      [
        { amount: 20, reason: 'Registered: Webinar' },
        { amount: 50, reason: 'Course completed: Heat pumps' },
        { amount: 20, reason: 'Registered: Webinar' },
        { amount: 10, reason: 'Read: Alpha' },
        { amount: 10, reason: 'Read: Beta' },
        { amount: -5, reason: 'ignored' },
      ],
      3,
    )
    expect(digest.points).toBe(110)
    expect(digest.count).toBe(5)
    expect(digest.reasons).toEqual([
      { count: 1, points: 50, reason: 'Course completed: Heat pumps' },
      { count: 2, points: 40, reason: 'Registered: Webinar' },
      { count: 1, points: 10, reason: 'Read: Alpha' },
    ])
  })

  it('suggests an item the member has not done, the same one for the same seed', () => {
    const candidates = [
      { id: 1, kind: 'course' as const, title: 'Done course' },
      { id: 2, kind: 'course' as const, title: 'Open course' },
      { id: 1, kind: 'caseStudy' as const, title: 'Open story' },
    ]
    const done = new Set(['course:1'])
    const picks = new Set<string>()
    for (let seed = 0; seed < 20; seed += 1) {
      const tip = pickTip(candidates, done, `digest:${seed}`)
      expect(tip?.title).not.toBe('Done course')
      expect(pickTip([...candidates].reverse(), done, `digest:${seed}`)).toEqual(tip)
      picks.add(String(tip?.title))
    }
    expect(picks).toEqual(new Set(['Open course', 'Open story']))
    expect(pickTip(candidates, new Set(['course:1', 'course:2', 'caseStudy:1']), 'x')).toBeNull()
  })
})

describe('rendering', () => {
  it('escapes HTML, carries a plain-text part and the one-click unsubscribe headers', () => {
    const mail = renderMail(
      digestContent({
        balance: 140,
        digest: composeDigest([
          { amount: 20, reason: 'Registered: <script>' },
          { amount: 20, reason: 'Registered: <script>' },
        ]),
        programmeName: 'Partner Club',
        statementURL: 'https://club.example/statement',
        tip: {
          kind: 'course',
          summary: 'Learn "COP" & more',
          title: 'Heat <pumps>',
          url: 'https://club.example/courses/2',
        },
      }),
      context,
    )
    expect(mail.subject).toBe('You earned 40 points in Partner Club')
    expect(mail.html).toContain('Hello Anna &#60;Becker&#62;,')
    expect(mail.html).toContain('Registered: &#60;script&#62; (×2)')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('Learn &#34;COP&#34; &#38; more')
    expect(mail.html).toContain('href="https://club.example/courses/2"')
    expect(mail.html).toContain(
      'href="https://club.example/api/loyalty/notifications/unsubscribe?m=1&#38;c=digest&#38;t=x"',
    )
    expect(mail.text).toContain('Hello Anna <Becker>,')
    expect(mail.text).toContain('- Registered: <script> (×2): +40')
    expect(mail.text).toContain('Your balance is now 140 points.')
    expect(mail.text).toContain('https://club.example/courses/2')
    expect(mail.text).toContain(`Unsubscribe from points digest: ${context.unsubscribeURL}`)
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${context.unsubscribeApiURL}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
  })

  it('words a reminder in the event’s time zone and a redemption by its status', () => {
    const reminder = eventReminderContent({
      onlineUrl: null,
      startsAt: new Date('2030-01-10T10:00:00Z'),
      timeZone: 'Europe/Berlin',
      title: 'Webinar',
      url: 'https://club.example/events/1',
      venue: 'Hall 2, Berlin',
    })
    expect(reminder.details).toEqual([
      { label: 'Starts', value: expect.stringMatching(/10 January 2030.*11:00/) },
      { label: 'Where', value: 'Hall 2, Berlin' },
    ])
    const rejected = redemptionContent({
      notes: 'Out of budget',
      points: 300,
      rewardTitle: 'Mug',
      status: 'rejected',
      url: 'https://club.example/rewards',
    })
    expect(rejected.subject).toBe('Your redemption was not approved: Mug')
    expect(rejected.paragraphs).toContain('Note: Out of budget')
  })
})

describe('tier upgrade mails', () => {
  const tiers = [
    { id: 1, threshold: 0 },
    { id: 2, threshold: 500 },
    { id: 3, threshold: 1500 },
  ]

  it('are sent for a move up and for a first tier that asks for points', () => {
    expect(tierUpgradeIsNews({ fromTier: 1, tiers, toTier: 2 })).toBe(true)
    expect(tierUpgradeIsNews({ fromTier: '2', tiers, toTier: '3' })).toBe(true)
    expect(tierUpgradeIsNews({ fromTier: null, tiers, toTier: 3 })).toBe(true)
  })

  it('are not sent for the entry tier given with the first points, nor for an unknown tier', () => {
    expect(tierUpgradeIsNews({ fromTier: null, tiers, toTier: 1 })).toBe(false)
    expect(tierUpgradeIsNews({ fromTier: null, tiers, toTier: 9 })).toBe(false)
    expect(tierUpgradeIsNews({ fromTier: 1, tiers, toTier: null })).toBe(false)
  })
})
