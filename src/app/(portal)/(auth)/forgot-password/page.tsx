import type { Metadata } from 'next'

import Link from 'next/link'

import { ForgotPasswordForm } from '@/portal/client/ForgotPasswordForm'
import { Card } from '@/portal/components/Card'

export const metadata: Metadata = { title: 'Forgot password' }

export default function ForgotPasswordPage() {
  return (
    <Card>
      <h1>Forgot your password?</h1>
      <p>Enter the email you sign in with. We will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </Card>
  )
}
