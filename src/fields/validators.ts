/** Field validators shared by collections. Each returns `true` or a message a person understands. */

/** An optional absolute http(s) URL. */
export const optionalUrl = (value: null | string | undefined): string | true => {
  if (!value) return true
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? true
      : 'Use an http or https address.'
  } catch {
    return 'Enter a full web address, e.g. https://example.com.'
  }
}

/** A CSS hex colour such as #1f6feb. */
export const optionalHexColour = (value: null | string | undefined): string | true =>
  !value || /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)
    ? true
    : 'Use a hex colour such as #c0862b.'
