/**
 * Screenshots of every portal page at 375 px and 1280 px, from a running portal:
 *   BASE_URL=http://127.0.0.1:3100 node --import tsx scripts/portal-screenshots.ts [path…]
 * Saved under test/artifacts/screenshots/look/. Signs in as Anna Becker (partner manager).
 */
import fs from 'node:fs'
import path from 'node:path'

import {
  desktop,
  launchChromium,
  phone,
  screenshotDir,
  seriousA11yViolations,
} from '../test/browser/browser'

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3100'
const email = process.env.MEMBER_EMAIL ?? 'anna.becker@partners.example'
// `lesson` opens the first lesson of course 1 (lesson ids are random).
const defaults = [
  '/sign-in',
  '/forgot-password',
  '/',
  '/courses',
  '/courses/1',
  'lesson',
  '/courses/1/quiz',
  '/courses/4',
  '/case-studies',
  '/case-studies/1',
  '/events',
  '/events/3',
  '/events?when=past',
  '/events/1',
  '/rewards',
  '/statement',
  '/leaderboard',
  '/company',
]
const paths = process.argv.slice(2).length ? process.argv.slice(2) : defaults
const out = path.join(screenshotDir, 'look')
fs.mkdirSync(out, { recursive: true })

const browser = await launchChromium()
for (const [label, viewport] of [
  ['375', phone],
  ['1280', desktop],
] as const) {
  const context = await browser.newContext({ baseURL: base, viewport })
  const page = await context.newPage()
  const login = await context.request.post('/api/members/login', {
    data: { email, password: 'demo-member-2026' },
  })
  if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`)
  for (const target of paths) {
    if (target === '/sign-in' || target === '/forgot-password') await context.clearCookies()
    if (target === 'lesson') {
      await page.goto('/courses/1', { waitUntil: 'load' })
      await page.getByTestId('lesson-list').getByRole('link').first().click()
      await page.waitForURL('**/lessons/**')
    } else await page.goto(target, { waitUntil: 'load' })
    const name = `${target.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${label}.png`
    await page.screenshot({ fullPage: true, path: path.join(out, name) })
    const violations = await seriousA11yViolations(page)
    console.log(
      `${label} ${target} → ${page.url()} ${violations.map((v) => `${v.id}(${v.nodes.length})`).join(' ')}`,
    )
    if (target === '/sign-in' || target === '/forgot-password')
      await context.request.post('/api/members/login', {
        data: { email, password: 'demo-member-2026' },
      })
  }
  await context.close()
}
await browser.close()
