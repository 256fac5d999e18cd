'use client'

import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'

/** Ends the session (clears the HTTP-only cookie on the server) and goes to the sign-in page. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false)
  return (
    <Button
      aria-busy={busy}
      disabled={busy}
      onClick={async () => {
        setBusy(true)
        await apiRequest('POST', '/members/logout')
        window.location.assign('/sign-in?signedOut=1')
      }}
      variant="ghost"
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </Button>
  )
}
