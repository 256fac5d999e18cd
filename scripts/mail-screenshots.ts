/**
 * Screenshots of the newest mails in the local capture at 375 px and 1280 px, from a running
 * server without SMTP (e.g. the portal preview):
 *   BASE_URL=http://127.0.0.1:3100 node --import tsx scripts/mail-screenshots.ts [subject regexp]
 * Signs in as the demo admin (the capture is admin-only). Saved under
 * test/artifacts/screenshots/look/mail-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'

import { demoLogins } from '../src/seed/logins'
import { desktop, launchChromium, phone, screenshotDir } from '../test/browser/browser'

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3100'
const pattern = new RegExp(process.argv[2] ?? '.')
const login = await fetch(`${base}/api/users/login`, {
  body: JSON.stringify({ email: demoLogins.admin.email, password: demoLogins.admin.password }),
  headers: { 'content-type': 'application/json' },
  method: 'POST',
})
const { token } = (await login.json()) as { token?: string }
if (!token) throw new Error(`admin sign-in failed: ${login.status}`)
const listed = await fetch(`${base}/api/captured-emails?limit=100&sort=-sentAt&depth=0`, {
  headers: { authorization: `JWT ${token}` },
})
const { docs } = (await listed.json()) as { docs: { html: string; id: number; subject: string }[] }
const seen = new Set<string>()
const mails = docs.filter((mail) => {
  const kind = mail.subject.replace(/[\d,]+/g, '#')
  if (!pattern.test(mail.subject) || seen.has(kind)) return false
  seen.add(kind)
  return true
})
const out = path.join(screenshotDir, 'look')
fs.mkdirSync(out, { recursive: true })
const browser = await launchChromium()
for (const [label, viewport] of [
  ['375', phone],
  ['1280', desktop],
] as const) {
  const page = await browser.newPage({ viewport })
  for (const mail of mails) {
    await page.setContent(mail.html, { waitUntil: 'load' })
    const file = path.join(out, `mail-${mail.id}-${label}.png`)
    await page.screenshot({ fullPage: true, path: file })
    console.log(`${label} ${mail.subject} → ${file}`)
  }
  await page.close()
}
await browser.close()
