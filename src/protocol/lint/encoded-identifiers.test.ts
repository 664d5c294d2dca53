import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture, variant } from '../__fixtures__/load.ts';
import { decodedIdentifier } from './encoded-identifiers.ts';
import { lint } from './engine.ts';

describe('identifiers that are base64 of an address or URL', () => {
  it('says what the value decodes to and that the spec keeps it opaque', () => {
    const doc = variant('share-1.5-canonical.json', (d) => (d.providerId = btoa('einstein@cernbox.cern.ch')));
    const note = lint('share', doc).findings.find((f) => f.code === 'share.identifier-encoded');
    expect(note).toMatchObject({ severity: 'info', path: '/providerId' });
    expect(note!.message).toContain('base64 of an OCM address, "einstein@cernbox.cern.ch"');
    expect(note!.message).toMatch(/opaque/);
    expect(lint('share', doc).valid).toBe(true);
  });

  it('reads base64 and base64url, with or without padding', () => {
    expect(decodedIdentifier('aHR0cHM6Ly9jZXJuYm94LmNlcm4uY2gvcy9hYmM=')).toEqual({
      text: 'https://cernbox.cern.ch/s/abc',
      is: 'a URL',
    });
    expect(decodedIdentifier('aHR0cHM6Ly9jZXJuYm94LmNlcm4uY2gvcy9hYmM')?.is).toBe('a URL');
    expect(decodedIdentifier('7c084226-d9a1-11e6-bf26-cec0c932ce01')).toBeNull();
  });

  it('stays quiet on every captured and hand-made share', () => {
    const dir = fileURLToPath(new URL('../__fixtures__/', import.meta.url));
    const shares = readdirSync(dir).filter((f) => f.startsWith('share-') && !f.startsWith('share-response'));
    expect(shares.length).toBeGreaterThan(5);
    for (const file of shares)
      expect(
        lint('share', fixture(file)).findings.filter((f) => f.code === 'share.identifier-encoded'),
        file,
      ).toEqual([]);
  });
});
