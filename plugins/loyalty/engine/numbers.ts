/**
 * Removes binary floating-point noise by keeping 12 significant digits, so that 45 × 1.1 is 49.5
 * and not 49.50000000000001. Points never need more precision than that.
 */
export const cleanDecimal = (value: number): number => Number(value.toPrecision(12)) + 0

/**
 * Rounds half up to a whole number (Math.round) after removing floating-point noise:
 * 49.5 → 50, 12.5 → 13. Never returns −0.
 */
export const roundHalfUp = (value: number): number => Math.round(cleanDecimal(value)) + 0

/** Limits `value` to the range [min, max]. */
export const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value))

/** Throws a RangeError unless `value` is a whole number of at least 1. */
export const assertPositiveInteger = (value: number, what: string): void => {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a whole number of at least 1 (got ${value}).`)
  }
}

/** Throws a RangeError unless `value` is a whole number of at least 0. */
export const assertNonNegativeInteger = (value: number, what: string): void => {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number of at least 0 (got ${value}).`)
  }
}
