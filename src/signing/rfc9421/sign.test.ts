import { describe, expect, it } from 'vitest';
import { generateKey } from '../keys/export.ts';
import type { HttpRequestInput, HttpResponseInput } from '../message.ts';
import { signMessage } from './sign.ts';
import { verifyMessage } from './verify.ts';

const request: HttpRequestInput = {
  method: 'GET',
  url: 'https://example.org/ocm/shares?id=7',
  headers: { Accept: 'application/json' },
};

describe('signing several signatures and responses', () => {
  it('adds a second labelled signature, and each verifies by its label', async () => {
    const a = await generateKey('ed25519', { kid: 'a' });
    const b = await generateKey('ecdsa-p256-sha256', { kid: 'b' });
    const first = await signMessage(request, {
      key: a,
      label: 'client',
      components: '"@method" "@target-uri"',
      created: 100,
    });
    if (!first.ok) throw new Error(first.error.message);
    const second = await signMessage(first.value.message, {
      key: b,
      label: 'proxy',
      components: '"signature";key="client" "@authority"',
      created: 101,
      expires: 200,
    });
    if (!second.ok) throw new Error(second.error.message);
    expect((await verifyMessage(second.value.message, { key: a, label: 'client', now: 150 })).ok).toBe(true);
    const proxy = await verifyMessage(second.value.message, { key: b, label: 'proxy', now: 150 });
    expect(proxy.ok).toBe(true);
    expect(proxy.labels).toEqual(['client', 'proxy']);
    expect(await signMessage(second.value.message, { key: a, label: 'proxy', components: '"@method"' })).toMatchObject({
      ok: false,
      error: { code: 'bad-signature-input', where: 'label' },
    });
  });

  it('signs a response that covers components of its request with req', async () => {
    const key = await generateKey('ed25519', { kid: 'server' });
    const response: HttpResponseInput = {
      status: 200,
      headers: [['Content-Type', 'application/json']],
      body: '{}',
      request,
    };
    const signed = await signMessage(response, {
      key,
      components: '"@status" "content-type" "@method";req "@query-param";req;name="id"',
      created: 100,
    });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(signed.value.signatureBase.split('\n').slice(0, 4)).toEqual([
      '"@status": 200',
      '"content-type": application/json',
      '"@method";req: GET',
      '"@query-param";req;name="id": 7',
    ]);
    expect((await verifyMessage(signed.value.message, { key, now: 100 })).ok).toBe(true);
    const { request: _dropped, ...alone } = signed.value.message;
    const outcome = await verifyMessage(alone, { key, now: 100 });
    expect(outcome.problems[0]).toMatchObject({ code: 'component-error', where: '"@method";req' });
  });

  it('writes alg only when asked, and created/expires/nonce/tag in a fixed order', async () => {
    const key = await generateKey('rsa-pss-sha512', { kid: 'k' });
    const signed = await signMessage(request, {
      key,
      components: [],
      created: 1,
      expires: 2,
      nonce: 'n',
      tag: 't',
      includeAlg: true,
    });
    expect(signed.ok && signed.value.signatureInput).toBe(
      'sig1=();created=1;expires=2;keyid="k";nonce="n";alg="rsa-pss-sha512";tag="t"',
    );
    const plain = await signMessage(request, { key, components: [], created: 1 });
    expect(plain.ok && plain.value.signatureInput).toBe('sig1=();created=1;keyid="k"');
  });
});
