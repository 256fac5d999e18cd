'use client'

import { Button } from '@/portal/components/Button'

/** Something failed while rendering a page: say so plainly and offer to try again. */
export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="pc-card" role="alert">
      <h1>Something went wrong</h1>
      <p>
        We could not load this page. Please try again; if it keeps happening, tell your Nordwind
        contact.
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  )
}
