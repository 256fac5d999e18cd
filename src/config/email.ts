import type { CollectionConfig, EmailAdapter, Payload, SendEmailOptions } from 'payload'
import type { Transporter } from 'nodemailer'

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
 * lock until it timed out. Senders that write next (the notification task) call the adapter's
 * `flush()`, which is this.
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

/** `"Name" <address>` for nodemailer from Payload's `from` (a string or an address object). */
const fromOf = (message: SendEmailOptions, fallback: { address: string; name: string }) => {
  const from = message.from
  if (from && typeof from === 'object') {
    return from.name ? { address: from.address, name: from.name } : from.address
  }
  return from || fallback
}

/**
 * Payload's email adapter on a nodemailer transport. (@payloadcms/email-nodemailer does the
 * same, but its latest release pins `payload` 3.90.1 exactly, and Payload's dependency
 * checker stops development and test runs on the mismatch with our 3.90.2.)
 */
const nodemailerAdapter =
  (
    transport: Transporter,
    name: string,
    afterSend?: (payload: Payload, info: unknown) => void,
  ): EmailAdapter =>
  ({ payload }) => {
    const from = emailFrom()
    return {
      name,
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      /** Resolves when what was sent so far is fully handed over (the capture's writes). */
      flush: capturedEmailsStored,
      sendEmail: async (message) => {
        const info: unknown = await transport.sendMail({ ...message, from: fromOf(message, from) })
        afterSend?.(payload, info)
        return info
      },
    }
  }

/**
 * The local capture: nodemailer's JSON transport renders the message as it would be sent,
 * and the message is stored in `captured-emails` (admin: "Sent mail (local capture)") where the
 * demo's admins and the tests read it. Nothing leaves the machine.
 */
const captureAdapter = (): EmailAdapter =>
  nodemailerAdapter(
    nodemailer.createTransport({ jsonTransport: true }),
    'local-capture',
    (payload, info) => {
      const parsed = JSON.parse((info as { message: string }).message) as JsonMessage
      const write: Promise<void> = store(payload, parsed)
        .catch((error: unknown) => {
          payload.logger.error({ err: error }, 'email capture: could not store a mail')
        })
        .finally(() => pendingCaptures.delete(write))
      pendingCaptures.add(write)
    },
  )

/**
 * Payload's email adapter: nodemailer over SMTP when `SMTP_HOST` is set (mails are sent, never
 * stored), else the local capture.
 */
export const emailAdapter = (): EmailAdapter => {
  const smtp = smtpSettings()
  if (!smtp) return captureAdapter()
  return nodemailerAdapter(nodemailer.createTransport(smtp), 'smtp')
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
