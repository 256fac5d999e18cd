import type { CollectionConfig, EmailAdapter, Payload } from 'payload'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'

import { admins } from '../access'

/** Slug of the collection holding mails of the local capture (no SMTP configured). */
export const capturedEmailsSlug = 'captured-emails'

/** Sender of every mail: `EMAIL_FROM` as `Name <address>` or a bare address. */
export const emailFrom = (): { address: string; name: string } => {
  const value = (process.env.EMAIL_FROM ?? '').trim()
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value)
  if (named) return { address: named[2].trim(), name: named[1].trim() || 'Partner Club' }
  if (value) return { address: value, name: 'Partner Club' }
  return { address: 'club@partner-club.local', name: 'Partner Club' }
}

/** SMTP settings from the environment, or null when `SMTP_HOST` is unset (local capture). */
export const smtpSettings = () => {
  const host = process.env.SMTP_HOST?.trim()
  if (!host) return null
  const secure = process.env.SMTP_SECURE === 'true'
  const port = Number(process.env.SMTP_PORT || (secure ? 465 : 587))
  const user = process.env.SMTP_USER
  return {
    auth: user ? { pass: process.env.SMTP_PASS ?? '', user } : undefined,
    host,
    port,
    secure,
  }
}

/** Writes of captured mails still under way (they never wait on the sender's transaction). */
const pendingCaptures = new Set<Promise<unknown>>()

/**
 * Resolves when every captured mail handed over so far is stored. A mail is stored in its own
 * write, not awaited by the sender: Payload sends the password-reset mail inside the
 * operation's transaction, and on SQLite a second writer would wait for that transaction's
 * lock until it timed out.
 */
export const capturedEmailsStored = async (): Promise<void> => {
  while (pendingCaptures.size > 0) await Promise.allSettled([...pendingCaptures])
}

type JsonMessage = {
  from?: { address?: string; name?: string }
  headers?: Record<string, string>
  html?: string
  messageId?: string
  subject?: string
  text?: string
  to?: { address?: string; name?: string }[]
}

const addresses = (list: JsonMessage['to']) =>
  (list ?? [])
    .map((entry) => entry.address ?? '')
    .filter(Boolean)
    .join(', ')

const store = async (payload: Payload, message: JsonMessage) => {
  await payload.create({
    collection: capturedEmailsSlug as never,
    data: {
      from: message.from?.address ?? '',
      headers: message.headers ?? {},
      html: message.html ?? '',
      messageId: message.messageId ?? '',
      sentAt: new Date().toISOString(),
      subject: message.subject ?? '',
      text: message.text ?? '',
      to: addresses(message.to),
    } as never,
    overrideAccess: true,
  })
}

/**
 * The local capture: nodemailer's JSON transport renders the message as it would be sent,
 * and the message is stored in `captured-emails` (admin: "Sent mail (local capture)") where the
 * demo's admins and the tests read it. Nothing leaves the machine.
 */
const captureAdapter = async (): Promise<EmailAdapter> => {
  const from = emailFrom()
  const base = await nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    skipVerify: true,
    transport: nodemailer.createTransport({ jsonTransport: true }),
  })
  return ({ payload }) => {
    const inner = base({ payload })
    return {
      ...inner,
      name: 'local-capture',
      sendEmail: async (message) => {
        const info = (await inner.sendEmail(message)) as { message: string }
        const parsed = JSON.parse(info.message) as JsonMessage
        const write = store(payload, parsed)
          .catch((error: unknown) => {
            payload.logger.error({ err: error }, 'email capture: could not store a mail')
          })
          .finally(() => pendingCaptures.delete(write))
        pendingCaptures.add(write)
        return info
      },
    }
  }
}

/**
 * Payload's email adapter: nodemailer over SMTP when `SMTP_HOST` is set (mails are sent, never
 * stored), else the local capture.
 */
export const emailAdapter = async (): Promise<EmailAdapter> => {
  const smtp = smtpSettings()
  if (!smtp) return captureAdapter()
  const from = emailFrom()
  return nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    // Verifying connects at start-up; a mail server that is down must not stop the app
    // (sends are retried by the jobs queue).
    skipVerify: true,
    transportOptions: smtp,
  })
}

/**
 * Mails kept by the local capture (only when no SMTP server is configured): admins read them in
 * the admin under "Sent mail (local capture)". Nobody writes them through the API.
 */
export const CapturedEmails: CollectionConfig = {
  slug: capturedEmailsSlug,
  access: {
    create: () => false,
    delete: admins,
    read: admins,
    update: () => false,
  },
  admin: {
    defaultColumns: ['sentAt', 'to', 'subject'],
    description:
      'No SMTP server is configured (SMTP_HOST), so mails are kept here instead of being sent.',
    group: 'Settings',
    useAsTitle: 'subject',
  },
  defaultSort: '-sentAt',
  fields: [
    { name: 'to', type: 'text', index: true },
    { name: 'from', type: 'text' },
    { name: 'subject', type: 'text' },
    { name: 'sentAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'text', type: 'textarea' },
    { name: 'html', type: 'code', admin: { language: 'html' } },
    { name: 'headers', type: 'json' },
    { name: 'messageId', type: 'text' },
  ],
  labels: { plural: 'Sent mail (local capture)', singular: 'Captured mail' },
}
