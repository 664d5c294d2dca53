import {
  generateKey,
  importSecret,
  installSignatureEngine,
  signMessage,
  verifyMessage,
  type HttpRequestInput,
  type KeyMaterial,
  type SignatureAlgorithm,
} from '../src/signing/index.ts';
import { nodeSignatureEngine } from '../server/signer/node-engine.ts';
import { webcrypto } from 'node:crypto';
import { report } from './report.ts';

// Sign and verify a typical OCM share request (the four OCM components, created, keyid, tag) with each
// algorithm through the full path a relay or inbox uses: signature base, header parsing, the
// Content-Digest check and WebCrypto. One operation at a time, so the numbers are per-request costs;
// a raw WebCrypto line shows the ceiling the runtime itself sets.
const request: HttpRequestInput = {
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares',
  headers: [
    ['Content-Type', 'application/json'],
    ['Content-Digest', 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:'],
    ['Content-Length', '18'],
  ],
  body: '{"hello": "world"}',
};
const COMPONENTS = '"@method" "@target-uri" "content-digest" "content-length"';
const ALGS: SignatureAlgorithm[] = [
  'ed25519',
  'ecdsa-p256-sha256',
  'ecdsa-p384-sha384',
  'hmac-sha256',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
];

async function roundTrip(key: KeyMaterial, alg: SignatureAlgorithm): Promise<void> {
  const signed = await signMessage(request, {
    key,
    alg,
    components: COMPONENTS,
    created: 1785060500,
    keyid: 'k',
    tag: 'ocm',
  });
  if (!signed.ok) throw new Error(signed.error.message);
  const outcome = await verifyMessage(signed.value.message, { key, now: 1785060500 });
  if (!outcome.ok) throw new Error(outcome.problems[0]?.message);
}

/** Operations per second of `op`, after a warm-up, measured for about a second with `inFlight` at once. */
async function rate(op: () => Promise<unknown>, inFlight = 1): Promise<number> {
  for (let i = 0; i < 200; i++) await op();
  let count = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() - start < 1000) {
        await op();
        count++;
      }
    }),
  );
  return Math.round((count * 1000) / (performance.now() - start));
}

// Warm the whole path up first (JIT, structured-header parser, key caches), or the first line reads low.
const warm = await generateKey('ed25519', { kid: 'k' });
for (let i = 0; i < 3000; i++) await roundTrip(warm, 'ed25519');

// Two paths: WebCrypto (what the browser runs), and the server's, where Node's synchronous crypto is
// installed as the engine under the same signature-base code. The target applies to the server path.
for (const engine of ['WebCrypto', 'Node crypto (server)'] as const) {
  installSignatureEngine(engine === 'WebCrypto' ? undefined : nodeSignatureEngine);
  for (const alg of ALGS) {
    const key =
      alg === 'hmac-sha256' ? importSecret(new Uint8Array(32).fill(1), 'k') : await generateKey(alg, { kid: 'k' });
    const value = await rate(() => roundTrip(key, alg));
    const target = alg === 'ed25519' && engine !== 'WebCrypto' ? { target: { min: 5000 } } : {};
    report({ name: `sign+verify ${alg}, ${engine}`, value, unit: 'ops/s', ...target, detail: 'one at a time' });
  }
}
installSignatureEngine(undefined);

const ed = await generateKey('ed25519', { kid: 'k' });
report({
  name: 'sign+verify ed25519, 8 in flight',
  value: await rate(() => roundTrip(ed, 'ed25519'), 8),
  unit: 'ops/s',
  detail: "WebCrypto runs on libuv's thread pool, so this uses more than one core",
});

const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, false, [
  'sign',
  'verify',
])) as webcrypto.CryptoKeyPair;
const data = new TextEncoder().encode('x'.repeat(250));
const raw = async () => {
  const sig = await webcrypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, data);
  await webcrypto.subtle.verify({ name: 'Ed25519' }, pair.publicKey, sig, data);
};
report({
  name: 'raw WebCrypto Ed25519 sign+verify (ceiling)',
  value: await rate(raw),
  unit: 'ops/s',
  detail: 'no HTTP work at all, one at a time',
});
