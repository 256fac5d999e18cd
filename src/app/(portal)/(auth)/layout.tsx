import type { ReactNode } from 'react'

import { BrandHeader } from '@/portal/components/BrandHeader'

/** Pages for people who are not signed in: a plain header and a narrow column. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <BrandHeader />
      <main className="pc-main" id="main">
        <div className="pc-auth">{children}</div>
      </main>
      <footer className="pc-footer">Nordwind Heat Systems · Partner Club</footer>
    </>
  )
}
