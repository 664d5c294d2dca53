import type { RelayFault, SigningRecord } from '../../src/contract/exchange.ts';
import {
  cavageKeyIdFor,
  NEXTCLOUD_CAVAGE_PROFILE,
  OCM_RFC9421_PROFILE,
  OCM_STUB_CAVAGE_PROFILE,
  type CavageVariant,
} from '../../src/protocol/signature-profile.ts';
import {
  createContentDigest,
  createLegacyDigest,
  generateKey,
  headerPairs,
  signCavageWithProfile,
  signWithProfile,
  type KeyMaterial,
} from '../../src/signing/index.ts';
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
  options: { keyId?: string; consoleBase: string; cavageVariant?: CavageVariant; fault?: RelayFault },
): Promise<{ ok: true; headers: [string, string][]; record: SigningRecord } | { ok: false; message: string }> {
  const use = profile === 'ocm' ? 'rfc9421' : 'cavage';
  const stored = options.keyId ? keys.get(options.keyId) : keys.active(use);
  if (!stored) return { ok: false, message: `No key ${options.keyId} in the console's key store.` };
  if (stored.use !== use)
    return {
      ok: false,
      message: `Key ${stored.kid} is a ${stored.use} key; the ${profile} profile needs a ${use} key.`,
    };
  const { fault } = options;
  const faulty = await faultParts(fault, profile, request, stored.material);
  const message = {
    method: request.method,
    url: request.url,
    headers: [...request.headers, ...faulty.headers],
    body: request.body,
  };
  const marked = fault ? { fault } : {};
  if (profile === 'ocm') {
    // Without tag="ocm" the signature is, for OCM, no signature at all: a receiver's check of exactly that.
    const ocmProfile = fault === 'no-tag' ? { ...OCM_RFC9421_PROFILE, tag: undefined } : OCM_RFC9421_PROFILE;
    const signed = await signWithProfile(message, ocmProfile, {
      key: faulty.key,
      keyid: fault === 'unknown-keyid' ? `${stored.kid}-never-published` : stored.kid,
      ...(faulty.now !== undefined ? { now: faulty.now } : {}),
    });
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
        added: [...faulty.headers, ...signed.value.headers],
        ...marked,
      },
    };
  }
  // Nextcloud publishes its cavage key as `<base>/ocm#signature` with the legacy publicKey; the OCM-stub
  // reads the keyId as a host and fetches its /ocm-provider/, so it gets the bare host.
  const variant = options.cavageVariant ?? 'nextcloud';
  const cavageProfile = variant === 'ocm-stub' ? OCM_STUB_CAVAGE_PROFILE : NEXTCLOUD_CAVAGE_PROFILE;
  const published = cavageKeyIdFor(variant, options.consoleBase);
  const keyId = fault === 'unknown-keyid' ? `${published}-never-published` : published;
  const signed = await signCavageWithProfile(message, cavageProfile, {
    key: faulty.key,
    keyId,
    ...(faulty.now !== undefined ? { now: faulty.now } : {}),
  });
  if (!signed.ok) return { ok: false, message: signed.error.message };
  return {
    ok: true,
    headers: headerPairs(signed.value.message.headers),
    record: {
      profile: 'cavage',
      keyid: keyId,
      alg: cavageProfile.algorithm,
      signatureBase: signed.value.signingString,
      added: [...faulty.headers, ...signed.value.headers],
      ...(variant === 'ocm-stub' ? { variant: cavageProfile.name } : {}),
      ...marked,
    },
  };
}

/** How stale a `created` (or Date) the stale-created fault signs with: well past any receiver's window. */
const STALE_SECONDS = 3600;

/**
 * What a deliberate fault changes before signing: a digest header over other bytes (which the signature
 * then covers, so only the digest is wrong), an old clock, or a fresh key nobody published.
 */
async function faultParts(
  fault: RelayFault | undefined,
  profile: 'ocm' | 'cavage',
  request: FinalRequest,
  key: KeyMaterial,
): Promise<{ headers: [string, string][]; key: KeyMaterial; now?: number }> {
  const other = new Uint8Array([...request.body, 0x20]);
  switch (fault) {
    case 'wrong-digest':
      return {
        headers: [
          profile === 'ocm'
            ? ['Content-Digest', await createContentDigest(other)]
            : ['Digest', await createLegacyDigest(other)],
        ],
        key,
      };
    case 'stale-created':
      return { headers: [], key, now: Math.floor(Date.now() / 1000) - STALE_SECONDS };
    case 'unpublished-key':
      return { headers: [], key: await generateKey(profile === 'ocm' ? 'ed25519' : 'rsa-v1_5-sha256') };
    default:
      return { headers: [], key };
  }
}
