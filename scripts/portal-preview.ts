/**
 * Starts the portal from the current build on a fresh, seeded SQLite database, for looking at
 * it by hand or taking screenshots:
 *   PAYLOAD_SECRET=dev node scripts/launch.mjs scripts/portal-preview.ts [port]
 * Stop with Ctrl+C.
 */
import { sendDemoMails } from '../src/seed/mails'
import { startPortal } from '../test/browser/portalServer'

const running = await startPortal(Number(process.argv[2] ?? 3100))
const mails = await sendDemoMails(running.payload)
console.log(`Captured mails: ${mails} (admin: Sent mail (local capture))`)
console.log(`Portal preview: ${running.url}/  (anna.becker@partners.example / demo-member-2026)`)
const stop = async () => {
  await running.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
