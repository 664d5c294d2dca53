// JWS built with Node's crypto alone (no jose, no code of ours), for tests of Directory Service documents.
import { Buffer } from 'node:buffer';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export interface TestJws {
  compact: string;
  flattened: { protected: string; payload: string; signature: string };
  publicJwk: Record<string, unknown>;
  publicKey: KeyObject;
}

/** Signs `payload` (any JSON) as an ES256 JWS with a fresh P-256 key; `header` is added to {alg: "ES256"}. */
export function es256Jws(payload: unknown, header: Record<string, unknown> = {}): TestJws {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const protectedPart = b64url(JSON.stringify({ alg: 'ES256', ...header }));
  const payloadPart = b64url(JSON.stringify(payload));
  const signature = b64url(
    sign('sha256', Buffer.from(`${protectedPart}.${payloadPart}`), { key: privateKey, dsaEncoding: 'ieee-p1363' }),
  );
  return {
    compact: `${protectedPart}.${payloadPart}.${signature}`,
    flattened: { protected: protectedPart, payload: payloadPart, signature },
    publicJwk: publicKey.export({ format: 'jwk' }) as Record<string, unknown>,
    publicKey,
  };
}

/** A compact JWS with the given header and payload and an arbitrary signature part. */
export function unsignedCompact(header: unknown, payload: unknown, signature = ''): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;
}
