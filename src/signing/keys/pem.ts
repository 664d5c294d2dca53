import { fromBase64, toBase64 } from '../bytes.ts';

export interface PemBlock {
  label: string;
  der: Uint8Array<ArrayBuffer>;
}

/** The first PEM block in the text, or an error message naming what is wrong with it. */
export function readPem(text: string): PemBlock | string {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) {
    if (/-----BEGIN [A-Z0-9 ]+-----/.test(text)) return 'the PEM block has no matching END line (was it cut off?)';
    return 'no PEM block found (expected -----BEGIN ... KEY-----)';
  }
  const label = m[1]!;
  const body = m[2]!.replace(/^[A-Za-z-]+:.*$/gm, '');
  const der = fromBase64(body);
  if (!der || der.length === 0) return `the base64 inside "${label}" is not valid (truncated or with stray characters)`;
  return { label, der };
}

export function writePem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
