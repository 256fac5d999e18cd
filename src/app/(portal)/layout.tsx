import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import './portal.css'

export const metadata: Metadata = {
  description: 'Learn, attend and earn with the Nordwind Heat Systems partner programme.',
  title: { default: 'Partner Club', template: '%s · Partner Club' },
}

export const viewport: Viewport = {
  initialScale: 1,
  themeColor: '#0b4f6c',
  width: 'device-width',
}

export default function PortalRootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
