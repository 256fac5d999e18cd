/**
 * The session cookie of every auth collection (members and staff): HttpOnly (Payload's default),
 * SameSite=Lax, and Secure in production unless PUBLIC_URL says the site is served over plain
 * http:// (a local production run).
 */
export const authCookies = (
  env: { NODE_ENV?: string; PUBLIC_URL?: string } = process.env,
): { sameSite: 'Lax'; secure: boolean } => ({
  sameSite: 'Lax',
  secure: env.NODE_ENV === 'production' && !env.PUBLIC_URL?.startsWith('http://'),
})
