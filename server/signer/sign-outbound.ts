import type { SigningRecord } from '../../src/contract/exchange.ts';
import {
  cavageKeyIdFor,
  NEXTCLOUD_CAVAGE_PROFILE,
  OCM_RFC9421_PROFILE,
  OCM_STUB_CAVAGE_PROFILE,
  type CavageVariant,
} from '../../src/protocol/signature-profile.ts';
import { headerPairs, signCavageWithProfile, signWithProfile } from '../../src/signing/index.ts';
import type { KeyStore } from '../identity/key-store.ts';

export interface FinalRequest {
  method: string;
  url: string;
  /** Every header that will be sent, Host and Content-Length included. */
  headers: [string, string][];
  body: Uint8Array;
}

/**
 * Signs a request whose headers are final (sign where you send: a browser cannot set Host, Date or
 * Content-Length). The OCM profile adds Content-Digest if missing; the cavage profile adds Date and
 * Digest as Nextcloud does. Returns the headers to send and the record of what was signed.
 */
export async function signOutbound(
  request: FinalRequest,
  profile: 'ocm' | 'cavage',
  keys: KeyStore,
  options: { keyId?: string; consoleBase: string; cavageVariant?: CavageVariant },
): Promise<{ ok: true; headers: [string, string][]; record: SigningRecord } | { ok: false; message: string }> {
  const use = profile === 'ocm' ? 'rfc9421' : 'cavage';
  const stored = options.keyId ? keys.get(options.keyId) : keys.active(use);
  if (!stored) return { ok: false, message: `No key ${options.keyId} in the console's key store.` };
  if (stored.use !== use)
    return {
      ok: false,
      message: `Key ${stored.kid} is a ${stored.use} key; the ${profile} profile needs a ${use} key.`,
    };
  const message = { method: request.method, url: request.url, headers: request.headers, body: request.body };
  if (profile === 'ocm') {
    const signed = await signWithProfile(message, OCM_RFC9421_PROFILE, { key: stored.material, keyid: stored.kid });
    if (!signed.ok) return { ok: false, message: signed.error.message };
    return {
      ok: true,
      headers: headerPairs(signed.value.message.headers),
      record: {
        profile: 'rfc9421',
        keyid: stored.kid,
        alg: signed.value.alg,
        label: signed.value.label,
        signatureBase: signed.value.signatureBase,
        added: signed.value.headers,
      },
    };
  }
  // Nextcloud publishes its cavage key as `<base>/ocm#signature` with the legacy publicKey; the OCM-stub
  // reads the keyId as a host and fetches its /ocm-provider/, so it gets the bare host.
  const variant = options.cavageVariant ?? 'nextcloud';
  const cavageProfile = variant === 'ocm-stub' ? OCM_STUB_CAVAGE_PROFILE : NEXTCLOUD_CAVAGE_PROFILE;
  const keyId = cavageKeyIdFor(variant, options.consoleBase);
  const signed = await signCavageWithProfile(message, cavageProfile, { key: stored.material, keyId });
  if (!signed.ok) return { ok: false, message: signed.error.message };
  return {
    ok: true,
    headers: headerPairs(signed.value.message.headers),
    record: {
      profile: 'cavage',
      keyid: keyId,
      alg: cavageProfile.algorithm,
      signatureBase: signed.value.signingString,
      added: signed.value.headers,
      ...(variant === 'ocm-stub' ? { variant: cavageProfile.name } : {}),
    },
  };
}
