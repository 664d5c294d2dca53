import type { StoredBody } from '../src/contract/inbound.ts';

/** A body as the browser is shown it: UTF-8 text when it decodes cleanly, else base64. */
export function storeBody(bytes: Uint8Array, size = bytes.byteLength, truncated = false): StoredBody {
  try {
    return { encoding: 'utf8', data: new TextDecoder('utf-8', { fatal: true }).decode(bytes), size, truncated };
  } catch {
    return { encoding: 'base64', data: Buffer.from(bytes).toString('base64'), size, truncated };
  }
}
