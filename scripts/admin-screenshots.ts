/**
 * Screenshots of the admin panel at phone and desktop width, for a person to look at:
 *   BASE_URL=http://127.0.0.1:3000 node --import tsx scripts/admin-screenshots.ts
 * Signs in as the demo admin (dashboard, events, a course, the Programme view); writes PNGs to test-results/screenshots/admin (git-ignored).
 * Then, as the demo marketer, the Imports view: a webinar report (docs/samples, its date moved to
 * the seeded webinar's) and bulk adjustments previewed, and at desktop width applied.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

import { demoLogins } from '../src/seed/logins'

const base = process.env.BASE_URL || 'http://127.0.0.1:3000'
const out = path.resolve('test-results/screenshots/admin')
fs.mkdirSync(out, { recursive: true })

const browser = await chromium.launch({
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
})

for (const [label, viewport] of [
  ['phone', { height: 812, width: 375 }],
  ['desktop', { height: 900, width: 1280 }],
] as const) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await page.goto(`${base}/admin/login`)
  await page.locator('#field-email').waitFor()
  await page.screenshot({ fullPage: true, path: `${out}/login-${label}.png` })
  await page.fill('#field-email', demoLogins.admin.email)
  await page.fill('#field-password', demoLogins.admin.password)
  await page.click('button[type=submit]')
  await page.waitForURL(`${base}/admin`)
  await page.screenshot({ fullPage: true, path: `${out}/dashboard-${label}.png` })
  await page.goto(`${base}/admin/collections/events`)
  await page.locator('.table, .collection-list__no-results').first().waitFor()
  await page.screenshot({ fullPage: true, path: `${out}/events-list-${label}.png` })
  await page.goto(`${base}/admin/collections/courses`)
  await page.locator('.table a').first().waitFor()
  await page.locator('.table a').first().click()
  await page.locator('#field-title').waitFor()
  await page.screenshot({ fullPage: true, path: `${out}/course-edit-${label}.png` })
  // The Programme view: the default period, then a year (charts drawn once their panels show).
  for (const [name, search] of [
    ['programme', ''],
    [
      'programme-year',
      `?from=${new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`,
    ],
  ] as const) {
    await page.goto(`${base}/admin/programme${search}`)
    await page.getByRole('heading', { name: 'Partners at risk' }).waitFor()
    await page.locator('.recharts-surface').first().waitFor()
    await page.screenshot({ fullPage: true, path: `${out}/${name}-${label}.png` })
  }
  await context.close()
}
// The Imports view, as the marketer: preview at both widths, apply at the second (desktop).
const samples = path.resolve('docs/samples')
const webinarSlug = 'webinar-smartflow-whats-new'
for (const [label, viewport] of [
  ['phone', { height: 812, width: 375 }],
  ['desktop', { height: 900, width: 1280 }],
] as const) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await page.goto(`${base}/admin/login`)
  await page.locator('#field-email').waitFor()
  await page.fill('#field-email', demoLogins.marketer.email)
  await page.fill('#field-password', demoLogins.marketer.password)
  await page.click('button[type=submit]')
  await page.waitForURL(`${base}/admin`)
  // The sample was exported on 11/13/2026; the seed puts the webinar nine days before today.
  const found = await page.request.get(
    `${base}/api/events?where[slug][equals]=${webinarSlug}&depth=0&limit=1`,
  )
  const webinar = ((await found.json()) as { docs: { id: number; startsAt: string }[] }).docs[0]
  const day = new Intl.DateTimeFormat('en-US', {
    day: '2-digit',
    month: '2-digit',
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
  }).format(new Date(webinar.startsAt))
  const report = fs
    .readFileSync(`${samples}/webinar-attendance-zoom.csv`, 'utf8')
    .replaceAll('11/13/2026', day)

  await page.goto(`${base}/admin/imports`)
  await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor()
  await page.screenshot({ fullPage: true, path: `${out}/imports-${label}.png` })
  if (label === 'desktop') {
    // The navigation's link to the view.
    await page
      .getByRole('button', { name: /open menu/i })
      .first()
      .click()
    await page.locator('a.nav__link[href="/admin/imports"]').waitFor()
    // The menu slides in: wait until its transition has finished.
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    )
    await page.screenshot({ path: `${out}/imports-nav-${label}.png` })
    await page
      .getByRole('button', { name: /close menu/i })
      .first()
      .click()
  }
  await page.getByLabel('Event').selectOption(String(webinar.id))
  await page.getByLabel('Attendance report (CSV)').setInputFiles({
    buffer: Buffer.from(report),
    mimeType: 'text/csv',
    name: 'zoom-participants-smartflow.csv',
  })
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByRole('heading', { name: /^Preview:/ }).waitFor()
  await page.screenshot({ fullPage: true, path: `${out}/imports-attendance-preview-${label}.png` })
  if (label === 'desktop') {
    await page.getByRole('button', { name: /attended and award points/ }).click()
    await page.getByText(/^Done:/).waitFor()
    await page.getByRole('link', { name: 'zoom-participants-smartflow.csv' }).waitFor()
    await page.screenshot({
      fullPage: true,
      path: `${out}/imports-attendance-applied-${label}.png`,
    })
  }

  await page.getByRole('tab', { name: 'Bulk adjustment' }).click()
  await page
    .getByLabel('Adjustments (CSV)')
    .setInputFiles(`${samples}/bulk-adjustment-with-errors.csv`)
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByRole('heading', { name: /^Preview:/ }).waitFor()
  await page.screenshot({ fullPage: true, path: `${out}/imports-adjustments-errors-${label}.png` })
  await page
    .getByLabel('Adjustments (CSV)')
    .setInputFiles(`${samples}/bulk-adjustment-trade-show.csv`)
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByRole('heading', { name: 'Preview: bulk-adjustment-trade-show.csv' }).waitFor()
  await page.screenshot({ fullPage: true, path: `${out}/imports-adjustments-preview-${label}.png` })
  if (label === 'desktop') {
    await page.getByRole('button', { name: /^Apply \d+ adjustment/ }).click()
    await page.getByText(/^Done:/).waitFor()
    await page.getByRole('link', { name: 'bulk-adjustment-trade-show.csv' }).waitFor()
    await page.screenshot({
      fullPage: true,
      path: `${out}/imports-adjustments-applied-${label}.png`,
    })
  }
  await context.close()
}

await browser.close()
console.log(`Screenshots in ${out}`)
