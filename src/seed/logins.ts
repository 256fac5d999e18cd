/**
 * Demo sign-ins created by the seed. For demonstration only: change or remove them before a
 * real programme goes live (the seed never runs unless asked to).
 */
export const demoLogins = {
  admin: { email: 'admin@partnerclub.example', name: 'Ada Admin', password: 'demo-admin-2026' },
  marketer: {
    email: 'marketer@partnerclub.example',
    name: 'Mia Marketing',
    password: 'demo-marketer-2026',
  },
  /** Every demo member signs in with this password. */
  memberPassword: 'demo-member-2026',
} as const
