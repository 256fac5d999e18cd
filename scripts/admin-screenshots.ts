/**
 * Screenshots of the admin panel at phone and desktop width, for a person to look at:
 *   BASE_URL=http://127.0.0.1:3000 node --import tsx scripts/admin-screenshots.ts
 * Signs in as the demo admin; writes PNGs to test-results/screenshots/admin (git-ignored).
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
  await context.close()
}
await browser.close()
console.log(`Screenshots in ${out}`)
