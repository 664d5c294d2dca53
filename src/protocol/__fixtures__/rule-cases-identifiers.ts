import { variant } from './load.ts';
import type { RuleCase } from './rule-case.ts';

// Identifiers some servers send as base64 of "user@host" or of a URL.
const S15 = 'share-1.5-canonical.json';
const b64 = (text: string) => btoa(text);
const b64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const binary = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

export const identifierFires: RuleCase[] = [
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    path: '/providerId',
    doc: variant(S15, (d) => (d.providerId = b64('einstein@cernbox.cern.ch'))),
  },
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    path: '/owner',
    doc: variant(S15, (d) => (d.owner = `${b64('einstein@cernbox.cern.ch')}@sender.example.org`)),
  },
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    path: '/sender',
    doc: variant(S15, (d) => (d.sender = `${b64url('https://idp.example.org/users/einstein')}@sender.example.org`)),
  },
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    path: '/encryption/resourceId',
    doc: variant(S15, (d) => (d.encryption.resourceId = b64url('https://sender.example.org/s/7c084226'))),
  },
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    path: '/resourceId',
    doc: variant(S15, (d) => (d.resourceId = b64('storage-1@sender.example.org:8443'))),
  },
];

export const identifierQuiet: RuleCase[] = [
  // UUIDs, hex ids, short and numeric ids: ordinary opaque identifiers.
  { code: 'share.identifier-encoded', kind: 'share', doc: variant(S15, () => undefined) },
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    doc: variant(S15, (d) => {
      d.providerId = '51dc30ddc473d43a6011e9ebba6ca770';
      d.owner = '12345678@sender.example.org';
    }),
  },
  // Valid base64 that decodes to binary garbage.
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    doc: variant(S15, (d) => (d.providerId = binary([0x7c, 0x08, 0x42, 0x26, 0xd9, 0xa1, 0x11, 0xe6]))),
  },
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    doc: variant(S15, (d) => (d.providerId = binary([0, 1, 2, 255, 254, 200, 100, 3, 4, 5, 6, 7]))),
  },
  // Base64 of text that is neither an address nor a URL.
  {
    code: 'share.identifier-encoded',
    kind: 'share',
    doc: variant(S15, (d) => {
      d.providerId = b64('einstein-share-42');
      d.owner = `${b64('hello world')}@sender.example.org`;
    }),
  },
];
