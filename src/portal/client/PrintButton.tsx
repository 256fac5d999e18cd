'use client'

import { Button } from '../components/Button'

/** Opens the browser's print dialog (the print stylesheet hides the navigation). */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button className="pc-no-print" onClick={() => window.print()} variant="secondary">
      {label}
    </Button>
  )
}
