// Small XML helpers for the stand-in's responses.
import { randomUUID } from 'node:crypto'

export const ROUTE53_NS = 'https://route53.amazonaws.com/doc/2013-04-01/'
export const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/'

export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** `<name>escaped text</name>`, or '' when the value is undefined. */
export function tag(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return ''
  return `<${name}>${esc(String(value))}</${name}>`
}

/** `<name>raw xml</name>` */
export function wrap(name: string, inner: string): string {
  return `<${name}>${inner}</${name}>`
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender'
  ) {
    super(message)
  }
}

export function newRequestId(): string {
  return randomUUID()
}

/** AWS's standard error document, as Route 53 and STS send it. */
export function errorXml(ns: string, err: ApiError, requestId: string): string {
  return (
    '<?xml version="1.0"?>\n' +
    `<ErrorResponse xmlns="${ns}"><Error><Type>${err.type}</Type>` +
    tag('Code', err.code) +
    tag('Message', err.message) +
    `</Error>${tag('RequestId', requestId)}</ErrorResponse>`
  )
}
