import { ButtonLink } from '@/portal/components/Button'

/** A page that does not exist, or that this member may not see. */
export default function NotFound() {
  return (
    <div className="pc-card">
      <h1>Not found</h1>
      <p>This page does not exist, or it is not available to your account.</p>
      <ButtonLink href="/">Go to your home page</ButtonLink>
    </div>
  )
}
