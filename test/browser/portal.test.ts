/**
 * The member portal in Debian's Chromium (playwright-core), against the real Express server
 * serving the `next build`, on a freshly seeded database. Every page a test visits is saved as
 * a 375 px screenshot under test/artifacts/screenshots/ and checked with axe-core (no serious
 * or critical violations). No sleeps: the tests wait for states (enabled buttons, texts, URLs).
 */
import type { Browser, Page } from 'playwright-core'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/app'

import { demoLogins } from '../../src/seed/logins'
import {
  launchChromium,
  phoneContext,
  screenshot,
  seriousA11yViolations,
  signInAs,
  titleGaps,
} from './browser'
import { memberByEmail, startPortal } from './portalServer'

const anna = 'anna.becker@partners.example' // partner manager, KlimaTech, Silver, 620 points
const lukas = 'lukas.hoffmann@partners.example' // KlimaTech, Gold, 1,650 points
const tom = 'tom.jansen@partners.example' // Van der Berg, Bronze, 120 points
const password = demoLogins.memberPassword

let server: RunningServer
let browser: Browser

/** Screenshot at phone width, then axe-core: no serious or critical violations. */
const look = async (page: Page, name: string) => {
  await page.waitForLoadState('load')
  // A client navigation swaps the <title> in a moment after the address changes: wait until the
  // page has one (a missing title is still caught: this wait then times out). From then on, the
  // page must keep it, also through the refresh after an action (next.config.ts htmlLimitedBots).
  await page.waitForFunction(() => document.title.trim().length > 0)
  await titleGaps(page)
  await screenshot(page, name)
  const violations = await seriousA11yViolations(page)
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
  expect(await titleGaps(page), `${name}: moments without a title`).toEqual([])
}

const phonePage = async (): Promise<Page> => (await phoneContext(browser, server.url)).newPage()

const idBySlug = async (collection: 'case-studies' | 'courses' | 'events', slug: string) => {
  const { docs } = await server.payload.find({
    collection,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { slug: { equals: slug } },
  })
  if (!docs[0]) throw new Error(`no ${collection} ${slug}`)
  return docs[0].id
}

const spendableOf = async (email: string) =>
  (await memberByEmail(server.payload, email)).loyalty?.spendable ?? 0

beforeAll(async () => {
  server = await startPortal()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the member portal in Chromium at 375 px', () => {
  it('sends visitors to sign-in, signs a member in and out, and turns staff away', async () => {
    const page = await phonePage()
    await page.goto('/courses?level=foundation')
    await page.waitForURL((url) => url.pathname === '/sign-in')
    expect(new URL(page.url()).searchParams.get('next')).toBe('/courses?level=foundation')
    await look(page, 'sign-in')

    await page.getByLabel('Work email').fill(anna)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('The email or password is not right. Please try again.').waitFor()

    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.waitForURL('**/forgot-password')
    await page.getByRole('button', { name: 'Email me a reset link' }).waitFor()
    await look(page, 'forgot-password')
    await page.getByRole('link', { name: 'Back to sign in' }).click()
    await page.waitForURL('**/sign-in')

    await signInAs(page, anna, password)
    await expect.poll(() => page.getByTestId('spendable').textContent()).toBe('620')
    expect(await page.getByTestId('points-to-next').textContent()).toBe('880 points to Gold')
    await look(page, 'home')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/sign-in?signedOut=1')
    await page.getByText('You are signed out').waitFor()
    await page.goto('/')
    await page.waitForURL((url) => url.pathname === '/sign-in')

    // A staff account (users collection) does not enter the portal.
    const staff = await page.context().request.post('/api/users/login', {
      data: { email: demoLogins.admin.email, password: demoLogins.admin.password },
    })
    expect(staff.status()).toBe(200)
    await page.goto('/')
    await page.waitForURL('**/sign-in?reason=staff')
    await page.getByText('You are signed in with a staff account').waitFor()
    await look(page, 'sign-in-staff')
    await page.context().close()
  })

  it('finishes a course: lessons after their minimum time, a failed and a passed quiz, the certificate, and the points move', async () => {
    const courseId = await idBySlug('courses', 'heat-pump-fundamentals')
    const course = await server.payload.findByID({
      collection: 'courses',
      depth: 0,
      id: courseId,
      overrideAccess: true,
    })
    // Short minimum times keep the test quick; the countdown and the server check stay real.
    await server.payload.update({
      collection: 'courses',
      data: { lessons: course.lessons.map((lesson) => ({ ...lesson, minimumSeconds: 2 })) },
      id: courseId,
      overrideAccess: true,
    })
    const questions = course.quiz?.questions ?? []

    const page = await phonePage()
    await signInAs(page, anna, password)
    const barBefore = Number(await page.getByRole('progressbar').getAttribute('aria-valuenow'))
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Courses' })
      .click()
    await page.waitForURL('**/courses')
    await look(page, 'courses')
    await page.getByRole('link', { name: 'Heat pump fundamentals' }).click()
    await page.waitForURL(`**/courses/${courseId}`)
    await look(page, 'course')

    await page.getByRole('link', { name: /^Start the course/ }).click()
    for (const [index, lesson] of course.lessons.entries()) {
      await page.waitForURL(`**/lessons/${lesson.id}`)
      await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor()
      const complete = page.getByRole('button', { name: 'Mark lesson complete' })
      if (index === 0) {
        await page.getByTestId('lesson-countdown').waitFor()
        expect(await complete.isDisabled()).toBe(true)
        await look(page, 'lesson')
      }
      // Playwright waits until the button is enabled (after the minimum time), then clicks.
      await complete.click()
      await page.getByText(/Lesson complete\. \+\d+ points/).waitFor()
      await page
        .getByRole('link', {
          name: index < course.lessons.length - 1 ? /^Next lesson/ : 'Take the quiz',
        })
        .click()
    }

    await page.waitForURL(`**/courses/${courseId}/quiz`)
    await look(page, 'quiz')
    // First attempt: a wrong answer everywhere.
    for (const question of questions) {
      const wrong = question.options.find((option) => !option.correct)
      await page.locator(`input[name="${question.id}"][value="${wrong?.id}"]`).check()
    }
    await page.getByRole('button', { name: 'Submit answers' }).click()
    await page.getByText(/not passed yet/).waitFor()
    expect(await page.getByText('✗ Not quite').count()).toBe(questions.length)
    await look(page, 'quiz-failed')
    // Second attempt: the right answers.
    for (const question of questions) {
      for (const option of question.options) {
        await page
          .locator(`input[name="${question.id}"][value="${option.id}"]`)
          .setChecked(Boolean(option.correct))
      }
    }
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.getByText(/Passed with 100 %! Course complete\. \+\d+ points/).waitFor()
    await look(page, 'quiz-passed')

    await page.getByRole('link', { name: 'View your certificate' }).click()
    await page.waitForURL(`**/courses/${courseId}/certificate`)
    await page.getByText(/Certificate no\. PC-/).waitFor()
    expect(await page.getByRole('region', { name: 'Certificate' }).textContent()).toContain(
      'Anna Becker',
    )
    await look(page, 'certificate')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    const spendable = await spendableOf(anna)
    expect(spendable).toBeGreaterThan(620)
    await expect
      .poll(() => page.getByTestId('spendable').textContent())
      .toBe(spendable.toLocaleString('en-GB'))
    const barAfter = Number(await page.getByRole('progressbar').getAttribute('aria-valuenow'))
    expect(barAfter).toBeGreaterThan(barBefore)
    expect(await page.getByTestId('points-to-next').textContent()).toMatch(/^\d+ points to Gold$/)
    await look(page, 'home-after-course')
    await page.context().close()
  })

  it('registers for an event, adds it to the calendar and checks in with the code when it is live', async () => {
    const eventId = await idBySlug('events', 'webinar-winter-readiness')
    const page = await phonePage()
    await signInAs(page, anna, password)
    await page.goto('/events')
    await look(page, 'events')
    await page.getByRole('link', { name: /^Winter readiness/ }).click()
    await page.waitForURL(`**/events/${eventId}`)
    await look(page, 'event')
    await page.getByRole('button', { name: 'Register' }).click()
    await page.getByText(/You are registered\. \+\d+ points/).waitFor()
    await page.getByTestId('registration-status').getByText('✓ Registered').waitFor()

    const ics = await page.context().request.get(`/events/${eventId}/calendar.ics`)
    expect(ics.headers()['content-type']).toContain('text/calendar')
    const calendar = await ics.text()
    expect(calendar).toContain('BEGIN:VEVENT')
    expect(calendar).toContain('SUMMARY:Winter readiness')

    // The event goes live: it started five minutes ago.
    const now = Date.now()
    await server.payload.update({
      collection: 'events',
      data: {
        endsAt: new Date(now + 55 * 60_000).toISOString(),
        startsAt: new Date(now - 5 * 60_000).toISOString(),
      },
      id: eventId,
      overrideAccess: true,
    })
    await page.reload()
    await page.getByRole('link', { name: 'Join the event now' }).waitFor()
    await page.getByLabel('Attendance code').fill('WRONG')
    await page.getByRole('button', { name: 'Check in' }).click()
    await page.getByText('That attendance code is not right.').waitFor()
    await look(page, 'event-live')
    await page.getByLabel('Attendance code').fill('frost')
    await page.getByRole('button', { name: 'Check in' }).click()
    await page.getByText(/You are checked in\. Enjoy the event! \+\d+ points/).waitFor()
    await page.getByTestId('registration-status').getByText('✓ Attended').waitFor()
    await look(page, 'event-attended')
    await page.context().close()
  })

  it('asks for feedback after the course and the event, earns its points once, and lets her change it', async () => {
    // Anna finished the fundamentals course and attended the winter webinar (tests above).
    const courseId = await idBySlug('courses', 'heat-pump-fundamentals')
    const eventId = await idBySlug('events', 'webinar-winter-readiness')
    const page = await phonePage()
    await signInAs(page, anna, password)
    await page.goto(`/courses/${courseId}`)
    await page.getByRole('heading', { name: 'How was the course?' }).waitFor()
    await page.getByText(/^\+\d+ points for your feedback$/).waitFor()
    await look(page, 'course-feedback')
    const before = await spendableOf(anna)
    const recommend = page.getByRole('group', { name: /How likely are you to recommend/ })
    await recommend.getByRole('radio', { name: '9', exact: true }).check()
    await page
      .getByRole('group', { name: /How would you rate/ })
      .getByRole('radio', { name: '4', exact: true })
      .check()
    await page.getByRole('radio', { name: 'Flow temperature' }).check()
    await page
      .getByRole('group', { name: /How confident are you/ })
      .getByRole('radio', { name: '4', exact: true })
      .check()
    await page.getByLabel(/Anything else/).fill('The flow temperature lesson was the best part.')
    await page.getByRole('button', { name: /^Send feedback · \+\d+ points$/ }).click()
    await page.getByText(/Thank you for your feedback! \+\d+ points/).waitFor()
    const saved = page.getByTestId('saved-feedback')
    await saved.getByText('9 of 10').waitFor()
    expect(await saved.textContent()).toContain('Flow temperature')
    expect(await saved.textContent()).toContain('The flow temperature lesson was the best part.')
    const earned = (await spendableOf(anna)) - before
    expect(earned).toBeGreaterThan(0)
    await look(page, 'course-feedback-saved')

    // Changed within the week: saved, and no second award.
    await page.getByRole('button', { name: 'Change your answers' }).click()
    expect(await recommend.getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true)
    await recommend.getByRole('radio', { name: '10', exact: true }).check()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByText('Your changes are saved.').waitFor()
    await saved.getByText('10 of 10').waitFor()
    expect((await spendableOf(anna)) - before).toBe(earned)

    // The event she attended asks too (it has no questions of its own).
    await page.goto(`/events/${eventId}`)
    await page.getByRole('heading', { name: 'How was it?' }).waitFor()
    await page
      .getByRole('group', { name: /How likely are you to recommend this event/ })
      .getByRole('radio', { name: '8', exact: true })
      .check()
    await page
      .getByRole('group', { name: /How would you rate/ })
      .getByRole('radio', { name: '5', exact: true })
      .check()
    await page.getByRole('button', { name: /^Send feedback/ }).click()
    await page.getByTestId('saved-feedback').getByText('8 of 10').waitFor()
    await look(page, 'event-feedback-saved')
    await page.context().close()
  })

  it('puts a member on a full event’s waitlist with their position, and lets them leave it', async () => {
    const eventId = await idBySlug('events', 'training-geocore-hands-on-day')
    await server.payload.update({
      collection: 'events',
      data: { capacity: 1 },
      id: eventId,
      overrideAccess: true,
    })
    // Lukas takes the only seat.
    const lukasPage = await phonePage()
    const seat = await lukasPage
      .context()
      .request.post('/api/members/login', { data: { email: lukas, password } })
    expect(seat.status()).toBe(200)
    expect(
      (await lukasPage.context().request.post(`/api/events/${eventId}/register`)).status(),
    ).toBe(200)
    await lukasPage.context().close()

    const page = await phonePage()
    await signInAs(page, anna, password)
    await page.goto(`/events/${eventId}`)
    await page.getByText('Full: waitlist open').waitFor()
    await page.getByRole('button', { name: 'Register' }).click()
    await page.getByText('The event is full. You are number 1 on the waitlist').waitFor()
    await page.getByTestId('registration-status').getByText('Waitlist: number 1').waitFor()
    await look(page, 'event-waitlist')
    await page.getByRole('button', { name: 'Leave the waitlist' }).click()
    await page.getByRole('group', { name: 'Confirm cancellation' }).waitFor()
    await page.getByRole('button', { name: 'Yes, cancel' }).click()
    await page.getByText('Your registration is cancelled.').waitFor()
    await page.getByTestId('registration-status').getByText('Not registered').waitFor()
    await page.context().close()
  })

  it('redeems a reward after confirming and shows it on the statement', async () => {
    const before = await spendableOf(anna)
    const page = await phonePage()
    await signInAs(page, anna, password)
    await page.goto('/rewards')
    await look(page, 'rewards')
    await page.getByRole('button', { name: 'Redeem Thermos mug' }).click()
    await page.getByRole('group', { name: 'Confirm redeeming Thermos mug' }).waitFor()
    await look(page, 'rewards-confirm')
    await page.getByRole('button', { name: 'Yes, redeem' }).click()
    await page
      .getByText(
        `Redeemed: Thermos mug (−300 points). You have ${(before - 300).toLocaleString('en-GB')} points left.`,
      )
      .waitFor()
    await page.getByTestId('my-redemptions').getByText('Thermos mug').waitFor()
    expect(await spendableOf(anna)).toBe(before - 300)

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Statement' })
      .click()
    await page.waitForURL('**/statement')
    const first = page.getByTestId('statement-lines').locator('li').first()
    expect(await first.textContent()).toContain('Thermos mug')
    expect(await first.textContent()).toContain('−300')
    expect(await first.textContent()).toContain(`Balance ${(before - 300).toLocaleString('en-GB')}`)
    await look(page, 'statement')
    await page.getByLabel('Kind').selectOption('redeem')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await page.waitForURL('**/statement?kind=redeem')
    expect(await page.getByTestId('statement-lines').locator('li').count()).toBe(1)
    await page.context().close()
  })

  it('lets a partner manager approve a colleague’s redemption', async () => {
    const lukasPage = await phonePage()
    await signInAs(lukasPage, lukas, password)
    await lukasPage.goto('/rewards')
    await lukasPage.getByRole('button', { name: 'Redeem Hands-on training day' }).click()
    await lukasPage.getByRole('button', { name: 'Yes, redeem' }).click()
    await lukasPage.getByText(/Your partner manager will approve it/).waitFor()
    await lukasPage.getByTestId('my-redemptions').getByText('Waiting for approval').waitFor()

    const page = await phonePage()
    await signInAs(page, anna, password)
    await page.getByRole('link', { name: 'My company' }).click()
    await page.waitForURL('**/company')
    const pending = page
      .getByTestId('pending-redemptions')
      .locator('li')
      .filter({ hasText: 'Lukas Hoffmann' })
    expect(await pending.textContent()).toContain('Hands-on training day')
    await look(page, 'company')
    await pending.getByRole('button', { name: 'Approve' }).click()
    await page.getByText('Approved.').waitFor()
    await page.getByText('Nothing waiting for your decision.').waitFor()

    await lukasPage.reload()
    await lukasPage.getByTestId('my-redemptions').getByText('Approved').waitFor()
    await look(lukasPage, 'rewards-approved')
    await lukasPage.context().close()
    await page.context().close()
  })

  it('keeps a member out of another company and out of a course above their tier', async () => {
    const page = await phonePage()
    // Signing in from a deep link lands on the page asked for.
    await page.goto('/company')
    await page.waitForURL('**/sign-in?next=%2Fcompany')
    await page.getByLabel('Work email').fill(tom)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/company')
    // The page refuses a member who is not a manager, and the menu does not offer it.
    await page.getByText('Only partner managers see their company’s overview.').waitFor()
    expect(await page.getByRole('link', { name: 'My company' }).count()).toBe(0)
    await look(page, 'company-refused')
    const klimatech = await memberByEmail(server.payload, anna)
    const otherCompany = await page
      .context()
      .request.get(`/api/partners/${String(klimatech.partner)}`)
    expect([403, 404]).toContain(otherCompany.status())

    const courseId = await idBySlug('courses', 'geocore-system-design-masterclass')
    const course = await server.payload.findByID({
      collection: 'courses',
      depth: 0,
      id: courseId,
      overrideAccess: true,
    })
    await page.goto('/courses')
    const card = page
      .getByTestId('course-list')
      .locator('li')
      .filter({ hasText: 'GeoCore system design masterclass' })
    expect(await card.textContent()).toContain('Gold tier needed')
    await page.goto(`/courses/${courseId}/lessons/${course.lessons[0].id}`)
    await page.waitForURL(`**/courses/${courseId}`)
    await page.getByRole('heading', { name: /For Gold members/ }).waitFor()
    expect(await page.getByTestId('lesson-list').count()).toBe(0)
    expect(await page.content()).not.toContain(course.lessons[0].title)
    await look(page, 'course-locked')
    const start = await page
      .context()
      .request.post(`/api/courses/${courseId}/lessons/${course.lessons[0].id}/start`)
    expect(start.status()).toBe(403)
    await page.context().close()
  })

  it('reads case studies for points and shows the leaderboard', async () => {
    const page = await phonePage()
    await signInAs(page, tom, password)
    await page.goto('/case-studies')
    await look(page, 'case-studies')
    await page
      .getByRole('link', { name: 'A 1970s school goes fossil-free in one summer holiday' })
      .click()
    await page.getByText(/Read on: \+\d+ points are added/).waitFor()
    await look(page, 'case-study')
    // Reading a story earns points once its reading time (15 s for a short story) has passed.
    const storyId = await idBySlug('case-studies', 'harrow-court-leeds')
    const editorConfig = await editorConfigFactory.default({ config: server.payload.config })
    const short = convertMarkdownToLexical({
      editorConfig,
      markdown: 'One heat pump network for 32 flats.',
    })
    await server.payload.update({
      collection: 'case-studies',
      data: { challenge: short, results: short, solution: short },
      id: storyId,
      overrideAccess: true,
    })
    const before = await spendableOf(tom)
    await page.goto(`/case-studies/${storyId}`)
    await page.getByText(/Read on: \+25 points are added/).waitFor()
    await page.getByText('Thanks for reading! +25 points').waitFor({ timeout: 60_000 })
    expect(await spendableOf(tom)).toBe(before + 25)
    await page.goto('/leaderboard?scope=organisations&period=year')
    await page.getByTestId('leaderboard').waitFor()
    await look(page, 'leaderboard')
    await page.context().close()
  })
})
