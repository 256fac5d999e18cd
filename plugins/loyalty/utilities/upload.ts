import type { PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import { HttpError } from './http'

/** An uploaded CSV file as text, with its name and SHA-256. */
export type UploadedCsv = { bytes: number; hash: string; name: string; text: string }

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_ALLOWANCE = 16_384

const tooLarge = (maxBytes: number) =>
  new HttpError(
    413,
    `The file is larger than ${(maxBytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB; split it into smaller files.`,
  )

/**
 * Reads and throws away the rest of a refused body (up to `DISCARD_LIMIT` bytes), so that the
 * client, still sending, reads the 413 instead of a reset connection. Nothing is kept.
 */
const discardRest = async (reader: ReadableStreamDefaultReader<Uint8Array>, read: number) => {
  let total = read
  while (total <= DISCARD_LIMIT) {
    const { done, value } = await reader.read()
    if (done) return
    total += value.byteLength
  }
  await reader.cancel().catch(() => undefined)
}

/** Most bytes of a refused body read and thrown away before answering; beyond it, cut off. */
const DISCARD_LIMIT = 64_000_000

/** Reads the body, refusing it as soon as it exceeds `limit` bytes (never holds more). */
const readBody = async (req: PayloadRequest, limit: number, maxBytes: number): Promise<Buffer> => {
  const declared = Number(req.headers.get('content-length') ?? '')
  const body = req.body as null | ReadableStream<Uint8Array> | undefined
  if (Number.isFinite(declared) && declared > limit) {
    if (body && declared <= DISCARD_LIMIT) await discardRest(body.getReader(), 0)
    throw tooLarge(maxBytes)
  }
  if (!body) return Buffer.alloc(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await discardRest(reader, size)
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** A file name for the record: the base name, printable, at most 120 characters. */
const cleanName = (name: string | null | undefined, fallback: string): string => {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return (clean || fallback).slice(0, 120)
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * The CSV file of an import request: the request body itself (`content-type: text/csv`, the
 * name in `?filename=`), or the `file` field of a multipart form (what the admin sends). At most
 * `maxBytes`: larger bodies are refused with 413 while reading. The text must be UTF-8 (a
 * byte-order mark is fine).
 */
export const readCsvUpload = async (
  req: PayloadRequest,
  maxBytes: number,
): Promise<UploadedCsv> => {
  const type = (req.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase()
  let bytes: Buffer
  let name: string
  if (type === 'multipart/form-data') {
    const raw = await readBody(req, maxBytes + MULTIPART_ALLOWANCE, maxBytes)
    let form: FormData
    try {
      form = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': req.headers.get('content-type') ?? '' },
      }).formData()
    } catch {
      throw new HttpError(
        400,
        'The form could not be read; send the CSV file in a field named "file".',
      )
    }
    const file = form.get('file')
    if (!file || typeof file === 'string') {
      throw new HttpError(400, 'Choose a CSV file: the form has no file in a field named "file".')
    }
    if (file.size > maxBytes) throw tooLarge(maxBytes)
    bytes = Buffer.from(await file.arrayBuffer())
    name = cleanName(file.name, 'upload.csv')
  } else if (
    ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'].includes(type)
  ) {
    bytes = await readBody(req, maxBytes, maxBytes)
    name = cleanName(req.searchParams.get('filename'), 'upload.csv')
  } else {
    throw new HttpError(
      415,
      'Send the CSV file as the request body with "content-type: text/csv", or as the "file" field of a multipart form.',
    )
  }
  if (bytes.length === 0) throw new HttpError(400, 'The file is empty.')
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    throw new HttpError(
      400,
      'The file is not UTF-8 text. Save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8) and try again.',
    )
  }
  if (text.includes('\u0000'))
    throw new HttpError(400, 'This is not a CSV file (it holds binary data).')
  return { bytes: bytes.length, hash: createHash('sha256').update(bytes).digest('hex'), name, text }
}
