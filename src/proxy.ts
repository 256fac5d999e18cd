import { type NextRequest, NextResponse } from 'next/server'

/**
 * Portal pages without a session cookie go straight to the sign-in page, remembering where the
 * member wanted to go (`?next=`), so a link from an email lands on the right page after signing
 * in. Only the cookie's presence is checked here; the pages check the session itself.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has('payload-token')) return NextResponse.next()
  const signIn = new URL('/sign-in', request.url)
  const wanted = `${request.nextUrl.pathname}${request.nextUrl.search}`
  if (wanted !== '/') signIn.searchParams.set('next', wanted)
  return NextResponse.redirect(signIn)
}

export const config = {
  // Everything except the API, the admin panel, Next's assets and the signed-out pages.
  matcher: [
    '/((?!api|admin|_next|favicon.ico|sign-in|forgot-password|reset-password|accept-invitation|unsubscribe|healthz|readyz).*)',
  ],
}
