import type { Browser, BrowserContext, Page } from 'playwright-core'

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium } from 'playwright-core'

/** Debian's Chromium; never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    executablePath: chromiumPath,
    headless: true,
  })

export const phone = { height: 812, width: 375 }
export const desktop = { height: 900, width: 1280 }

/** A browser context at phone width (375 px), as most members use the portal. */
export const phoneContext = async (browser: Browser, baseURL: string): Promise<BrowserContext> => {
  const context = await browser.newContext({
    baseURL,
    deviceScaleFactor: 1,
    hasTouch: true,
    isMobile: true,
    viewport: phone,
  })
  await context.addInitScript(watchTitle)
  return context
}

/**
 * Runs in every page before its own scripts: records each moment, after the document has been
 * parsed, at which the page has no title (a screen reader would then announce nothing). Read
 * with `titleGaps(page)`.
 */
const watchTitle = () => {
  const gaps: string[] = []
  ;(window as unknown as { __titleGaps: string[] }).__titleGaps = gaps
  const check = () => {
    if (document.readyState !== 'loading' && document.title.trim() === '')
      gaps.push(`${location.pathname}${location.search}`)
  }
  new MutationObserver(check).observe(document, {
    characterData: true,
    childList: true,
    subtree: true,
  })
}

/** The moments (page addresses) at which the page had no title since the last call; clears them. */
export const titleGaps = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const gaps = (window as unknown as { __titleGaps?: string[] }).__titleGaps ?? []
    return gaps.splice(0, gaps.length)
  })

export const screenshotDir = path.resolve(import.meta.dirname, '../artifacts/screenshots')

/** Saves a full-page screenshot as test/artifacts/screenshots/<name>.png. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  const file = path.join(screenshotDir, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`)
  await page.screenshot({ fullPage: true, path: file })
  return file
}

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export type AxeViolation = {
  help: string
  id: string
  impact: null | string
  nodes: { target: string[] }[]
}

/** Runs axe-core in the page; returns the serious and critical violations (WCAG 2.x A/AA). */
export const seriousA11yViolations = async (page: Page): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>
        }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })
    return result.violations.map((v) => ({
      help: v.help,
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }))
  })
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
}

/** Signs in through the portal's own form as a member. */
export const signInAs = async (page: Page, email: string, password: string): Promise<void> => {
  await page.goto('/sign-in')
  await page.getByLabel('Work email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === '/')
}
