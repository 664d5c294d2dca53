// What the inbox says about RFC 9421 requests as draft-07 and deployed peers send them: where keys are
// looked up (jwksUri; /.well-known/jwks.json for 1.3–1.4 peers), a JWK without alg, and requests whose
// signatures are not OCM's. Signatures are made by http-message-sig over Node's WebCrypto, not by our signer.
import { webcrypto } from 'node:crypto';
import { createSignature } from 'http-message-sig';
import { describe, expect, it } from 'vitest';
import type { HeaderPairs } from '../../src/signing/index.ts';
import { verifyInbound, type FetchJson } from './verify-inbound.ts';

const subtle = webcrypto.subtle;
const KID = 'sender.example.org#key1';
const target = 'http://127.0.0.1:8080/ocm/shares';
const body = '{"shareWith":"alice@127.0.0.1:8080","sender":"bob@sender.example.org","name":"a.txt"}';

function published(docs: Record<string, unknown>): { fetchJson: FetchJson; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetchJson: async (url) => {
      asked.push(url);
      return url in docs ? { ok: true, status: 200, json: docs[url] } : { ok: true, status: 404, json: null };
    },
  };
}

async function sender() {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const { x } = await subtle.exportKey('jwk', pair.publicKey);
  return { pair, jwk: { kty: 'OKP', crv: 'Ed25519', x, kid: KID, alg: 'Ed25519' } as Record<string, unknown> };
}

async function signed(pair: webcrypto.CryptoKeyPair, parameters: Record<string, string | number>, label = 'sig1') {
  const digest = Buffer.from(await subtle.digest('SHA-256', new TextEncoder().encode(body))).toString('base64');
  const headers: HeaderPairs = [
    ['Content-Type', 'application/json'],
    ['Content-Digest', `sha-256=:${digest}:`],
    ['Content-Length', String(Buffer.byteLength(body))],
  ];
  const fields = await createSignature(
    { kind: 'request', method: 'POST', targetUri: target, fields: headers.map(([name, value]) => ({ name, value })) },
    {
      label,
      components: ['@method', '@target-uri', 'content-digest', 'content-length'],
      parameters: { created: Math.floor(Date.now() / 1000), keyid: KID, ...parameters },
      signer: {
        algorithm: 'ed25519',
        sign: async (data) => new Uint8Array(await subtle.sign({ name: 'Ed25519' }, pair.privateKey, data)),
      },
    },
  );
  const all: HeaderPairs = [...headers, ['Signature-Input', fields.signatureInput], ['Signature', fields.signature]];
  return { method: 'POST', url: target, headers: all, body: new TextEncoder().encode(body) };
}

const doc = JSON.parse(body) as unknown;

describe('inbound RFC 9421 verdicts (draft-07 HTTP Message Signatures)', () => {
  it('finds the keys at jwksUri, and does not look anywhere else', async () => {
    const { pair, jwk } = await sender();
    const net = published({
      'https://sender.example.org/.well-known/ocm': { apiVersion: '1.5.0', jwksUri: 'https://keys.example.org/k' },
      'https://keys.example.org/k': { keys: [jwk] },
    });
    const verdict = await verifyInbound(await signed(pair, { tag: 'ocm' }), net.fetchJson, { doc });
    expect(verdict.status).toBe('verified');
    expect(net.asked).toEqual(['https://sender.example.org/.well-known/ocm', 'https://keys.example.org/k']);
    expect(verdict.details?.join(' ') ?? '').not.toContain('jwks.json');
  });

  it('finds the keys of a 1.3/1.4 peer at /.well-known/jwks.json, and says where it looked', async () => {
    const { pair, jwk } = await sender();
    const net = published({
      'https://sender.example.org/.well-known/ocm': { apiVersion: '1.4.0', capabilities: ['http-sig'] },
      'https://sender.example.org/.well-known/jwks.json': { keys: [jwk] },
    });
    const verdict = await verifyInbound(await signed(pair, { tag: 'ocm' }), net.fetchJson, { doc });
    expect(verdict.status).toBe('verified');
    expect(verdict.details?.[0]).toContain('no jwksUri');
    expect(verdict.details?.[0]).toContain('/.well-known/jwks.json');
  });

  it('fails, naming both places, when a peer has neither jwksUri nor /.well-known/jwks.json', async () => {
    const { pair } = await sender();
    const net = published({ 'https://sender.example.org/.well-known/ocm': { apiVersion: '1.4.0' } });
    const verdict = await verifyInbound(await signed(pair, { tag: 'ocm' }), net.fetchJson, { doc });
    expect(verdict.status).toBe('failed');
    expect(verdict.summary).toContain('no jwksUri');
    expect(verdict.summary).toContain('/.well-known/jwks.json');
  });

  it('refuses a published key without alg, with the alg it would have verified with as a hint', async () => {
    const { pair, jwk } = await sender();
    delete jwk.alg;
    const net = published({
      'https://sender.example.org/.well-known/ocm': { jwksUri: 'https://sender.example.org/jwks' },
      'https://sender.example.org/jwks': { keys: [jwk] },
    });
    const verdict = await verifyInbound(await signed(pair, { tag: 'ocm' }), net.fetchJson, { doc });
    expect(verdict.status).toBe('failed');
    expect(verdict.summary).toContain('has no "alg"');
    expect(verdict.details?.join('\n')).toContain('"alg": "Ed25519"');
  });

  it('calls a request whose only signature lacks tag="ocm" unsigned for OCM, naming that signature', async () => {
    const { pair, jwk } = await sender();
    const net = published({
      'https://sender.example.org/.well-known/ocm': { jwksUri: 'https://sender.example.org/jwks' },
      'https://sender.example.org/jwks': { keys: [jwk] },
    });
    const verdict = await verifyInbound(await signed(pair, { tag: 'edge' }, 'proxy'), net.fetchJson, { doc });
    expect(verdict).toMatchObject({ status: 'unsigned', otherSignatures: [{ label: 'proxy', tag: 'edge' }] });
    expect(verdict.summary).toContain('Unsigned for OCM');
    expect(verdict.details?.join(' ')).toContain('must-use-http-sig');
    // Nothing was fetched: a signature that is not OCM's is not checked as one.
    expect(net.asked).toEqual([]);
    expect(verdict.details?.join(' ')).not.toContain('labelled "ocm"');
  });

  it('points out a signature labelled "ocm" without the tag, as early RFC 9421 senders made them', async () => {
    const { pair } = await sender();
    const verdict = await verifyInbound(await signed(pair, {}, 'ocm'), published({}).fetchJson, { doc });
    expect(verdict).toMatchObject({ status: 'unsigned', otherSignatures: [{ label: 'ocm' }] });
    expect(verdict.details?.join(' ')).toContain('labelled "ocm"');
  });
});
