/**
 * Measures the JavaScript a member's browser downloads for a portal page, from the browser:
 * every script response of a fresh (cold-cache) load, summed as transferred (compressed) and
 * as decoded bytes. Needs a running portal (see scripts/portal-preview.ts):
 *   BASE_URL=http://127.0.0.1:3100 node --import tsx scripts/portal-js-weight.ts [/path]
 */
import { launchChromium, phone } from '../test/browser/browser'

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3100'
const target = process.argv[2] ?? '/'
const browser = await launchChromium()
const context = await browser.newContext({ baseURL: base, viewport: phone })
const login = await context.request.post('/api/members/login', {
  data: { email: 'anna.becker@partners.example', password: 'demo-member-2026' },
})
if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`)
const page = await context.newPage()
const scripts: { decoded: number; transferred: number; url: string }[] = []
page.on('requestfinished', async (request) => {
  if (request.resourceType() !== 'script') return
  const sizes = await request.sizes()
  const response = await request.response()
  const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0)
  scripts.push({
    decoded: body.length,
    transferred: sizes.responseBodySize + sizes.responseHeadersSize,
    url: request.url(),
  })
})
await page.goto(target, { waitUntil: 'networkidle' }).catch(() => page.waitForLoadState('load'))
await page.waitForTimeout(1000) // let late chunk requests finish before summing (measurement only)
const sum = (key: 'decoded' | 'transferred') =>
  scripts.reduce((total, script) => total + script[key], 0)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
console.log(
  `${target}: ${scripts.length} scripts, ${kb(sum('transferred'))} transferred (compressed, with headers), ${kb(sum('decoded'))} decoded`,
)
for (const script of scripts.sort((a, b) => b.decoded - a.decoded))
  console.log(
    `  ${kb(script.transferred).padStart(10)} ${kb(script.decoded).padStart(10)}  ${new URL(script.url).pathname}`,
  )
await browser.close()
