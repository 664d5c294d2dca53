// draft-ietf-ocm-open-cloud-mesh-07, Appendix B ("JWKS and HTTP Signature Examples"): the published JWK
// Set, the signed Share Creation Notification and its signature base, as the draft prints them (RFC 8792
// line wrapping undone). The body is the JSON exactly as printed, without a trailing newline: 521 bytes,
// which is the Content-Length and Content-Digest the example carries. Test use only.
import type { HttpRequestInput } from '../message.ts';

export const DRAFT07_JWKS = {
  keys: [
    {
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'Ed25519',
      kid: 'sender.example.org#key1',
      x: 'AzeStPAdQ-vbi6bJVxcQjBPF2I7fDZdfDZ_XZ3J4Azs',
    },
  ],
};

export const DRAFT07_BODY = [
  '{',
  '  "shareWith": "marie@receiver.example.org",',
  '  "name": "spec.yaml",',
  '  "providerId": "7c084226-d9a1-11e6-bf26-cec0c932ce01",',
  '  "owner": "einstein@sender.example.org",',
  '  "sender": "einstein@sender.example.org",',
  '  "ownerDisplayName": "Albert Einstein",',
  '  "senderDisplayName": "Albert Einstein",',
  '  "shareType": "user",',
  '  "resourceType": "file",',
  '  "protocol": {',
  '    "name": "multi",',
  '    "webdav": {',
  '      "uri": "spec.yaml",',
  '      "sharedSecret": "hfiuhworzwnur98d3wjiwhr",',
  '      "permissions": ["read", "write"]',
  '    }',
  '  }',
  '}',
].join('\n');

export const DRAFT07_CONTENT_DIGEST = 'sha-256=:/Uz47cfD1HOdMTIqcWjd84iMLQ4gVJdC7ZFACf1ViqU=:';

export const DRAFT07_SIGNATURE_INPUT =
  'sig1=("@method" "@target-uri" "content-digest" "content-length");created=1785060500;keyid="sender.example.org#key1";alg="ed25519";tag="ocm"';

export const DRAFT07_SIGNATURE =
  'sig1=:Epax4XFqvbrrDzQUAaNl+uECasEKbArgz8AlEkXspvYX2fSkQFlCkaXImZnYU898C2t0IdmbFhjR8bkN0hZgCg==:';

export const DRAFT07_CREATED = 1785060500;

export const DRAFT07_SHARE: HttpRequestInput = {
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares',
  headers: [
    ['Host', 'receiver.example.org'],
    ['Content-Type', 'application/json'],
    ['Content-Digest', DRAFT07_CONTENT_DIGEST],
    ['Content-Length', '521'],
    ['Signature-Input', DRAFT07_SIGNATURE_INPUT],
    ['Signature', DRAFT07_SIGNATURE],
  ],
  body: DRAFT07_BODY,
};

export const DRAFT07_SIGNATURE_BASE = [
  '"@method": POST',
  '"@target-uri": https://receiver.example.org/ocm/shares',
  '"content-digest": sha-256=:/Uz47cfD1HOdMTIqcWjd84iMLQ4gVJdC7ZFACf1ViqU=:',
  '"content-length": 521',
  '"@signature-params": ("@method" "@target-uri" "content-digest" "content-length");created=1785060500;keyid="sender.example.org#key1";alg="ed25519";tag="ocm"',
].join('\n');
