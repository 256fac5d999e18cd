import type { PayloadRequest } from 'payload'

/** Escapes text for HTML. */
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** The portal's reset page for a token, on the public URL (or the request's origin). */
export const resetPasswordLink = (req: PayloadRequest | undefined, token: string): string => {
  const origin = req?.payload?.config.serverURL || (req?.url ? new URL(req.url).origin : '')
  return `${origin}/reset-password?token=${encodeURIComponent(token)}`
}

/**
 * The password-reset email for partner members: the link opens the portal's reset page (members
 * have no admin access, so Payload's default admin link would not work for them).
 */
export const resetPasswordEmailHTML = (args?: {
  req?: PayloadRequest
  token?: string
  user?: { name?: null | string }
}): string => {
  const link = resetPasswordLink(args?.req, args?.token ?? '')
  const name = args?.user?.name ? `Hello ${escape(args.user.name)},` : 'Hello,'
  return [
    `<p>${name}</p>`,
    '<p>Someone (hopefully you) asked to reset the password of your Partner Club account.</p>',
    `<p><a href="${escape(link)}">Choose a new password</a> (the link works for one hour).</p>`,
    '<p>If you did not ask for this, ignore this email: your password stays as it is.</p>',
  ].join('\n')
}
