/** The Partner Club wordmark on the admin sign-in page. */
export const Logo = () => (
  <div style={{ alignItems: 'center', display: 'flex', gap: '0.75rem' }}>
    <Mark size={44} />
    <span style={{ fontSize: '1.75rem', fontWeight: 700, letterSpacing: '-0.01em' }}>
      Partner Club
    </span>
  </div>
)

/** The Partner Club mark in the admin navigation. */
export const Icon = () => <Mark size={24} />

const Mark = ({ size }: { size: number }) => (
  <svg aria-hidden="true" height={size} viewBox="0 0 48 48" width={size}>
    <rect fill="#0b4f6c" height="48" rx="12" width="48" />
    <path
      d="M14 31c4-10 16-10 20 0M17 24c3-6 11-6 14 0"
      fill="none"
      stroke="#f2a900"
      strokeLinecap="round"
      strokeWidth="4"
    />
    <circle cx="24" cy="33" fill="#fff" r="3.5" />
  </svg>
)
