// Test support: compressed bodies that inflate far past any limit, made without holding the inflated bytes.
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';

const MiB = 1024 * 1024;

/**
 * A gzip body of concatenated members (RFC 1952 §2.2), each one MiB of zeros: about 1 KB on the wire per
 * MiB decoded, so 520 members are the 530 KB that decode to 520 MiB.
 */
export function gzipBomb(mebibytes: number): Buffer {
  const member = gzipSync(Buffer.alloc(MiB), { level: 9 });
  return Buffer.concat(Array.from({ length: mebibytes }, () => member));
}

/** Zeros compressed as one deflate or brotli stream (these have no members to repeat). */
export function compressedZeros(coding: 'deflate' | 'br', mebibytes: number): Buffer {
  const zeros = Buffer.alloc(mebibytes * MiB);
  return coding === 'deflate'
    ? deflateSync(zeros, { level: 9 })
    : brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
}
