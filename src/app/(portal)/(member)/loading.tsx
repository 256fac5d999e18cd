/** Shown while a signed-in page loads on a slow connection. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="pc-card" role="status">
      <p>Loading…</p>
    </div>
  )
}
