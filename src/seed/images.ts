import sharp from 'sharp'

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`)

/** Splits a title into lines of at most `width` characters for the cover artwork. */
const wrap = (text: string, width: number): string[] => {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width && line) {
      lines.push(line)
      line = word
    } else {
      line = (line + ' ' + word).trim()
    }
  }
  if (line) lines.push(line)
  return lines.slice(0, 3)
}

/**
 * A 1600×900 PNG cover for demo content: a gradient in the programme's colours with the
 * title set on it. Generated so the demo needs no binary assets in the repository.
 */
export const coverImage = async (title: string, eyebrow: string, hue: number): Promise<Buffer> => {
  const lines = wrap(title, 28)
  const text = lines
    .map((line, index) => `<tspan x="96" dy="${index === 0 ? 0 : 96}">${escapeXml(line)}</tspan>`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},62%,30%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},70%,46%)"/>
  </linearGradient></defs>
  <rect width="1600" height="900" fill="url(#g)"/>
  <circle cx="1330" cy="210" r="260" fill="rgba(255,255,255,0.08)"/>
  <circle cx="1450" cy="720" r="180" fill="rgba(255,255,255,0.06)"/>
  <text x="96" y="250" fill="rgba(255,255,255,0.8)" font-family="DejaVu Sans, sans-serif" font-size="40" letter-spacing="6">${escapeXml(eyebrow.toUpperCase())}</text>
  <text x="96" y="400" fill="#fff" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="84">${text}</text>
</svg>`
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
}
