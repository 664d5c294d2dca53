import type { Verification } from '../../src/contract/inbound.ts';
import {
  discoveryTarget,
  findDiscovery,
  keyidHost,
  legacyPublicKey,
  signerDomainOf,
  type FetchJson,
} from '../../src/protocol/index.ts';
import { NEXTCLOUD_CAVAGE_PROFILE, OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import {
  detectScheme,
  importKey,
  parseCavageHeader,
  parseJwks,
  readSignatures,
  verifyCavage,
  verifyMessage,
  headerValues,
  type HeaderPairs,
  type Jwks,
  type KeyMaterial,
} from '../../src/signing/index.ts';

/** How the verifier reaches the sender's discovery and keys (the guarded outbound client in the server). */
export type { FetchJson };

/** Remembers successful (200) answers for `ttlMs`; failures are never cached. Concurrent asks share one fetch. */
export function cachedFetchJson(fetchJson: FetchJson, ttlMs: number): FetchJson {
  const cache = new Map<string, { at: number; answer: ReturnType<FetchJson> }>();
  return (url) => {
    const hit = cache.get(url);
    if (hit && performance.now() - hit.at < ttlMs) return hit.answer;
    const answer = fetchJson(url);
    cache.set(url, { at: performance.now(), answer });
    // A rejected fetch is the caller's to report; here it only must not stay cached (nor go unhandled).
    void answer.then(
      (a) => {
        if (!a.ok || a.status !== 200) cache.delete(url);
      },
      () => cache.delete(url),
    );
    if (cache.size > 500) cache.delete(cache.keys().next().value!);
    return answer;
  };
}

export interface ReceivedMessage {
  method: string;
  /** The URL the sender signed: this server's public base plus the path and query received. */
  url: string;
  headers: HeaderPairs;
  body: Uint8Array;
}

interface Discovered {
  base: string;
  doc: Record<string, unknown>;
}

/** The first discovery document among the hosts or keyid origins named, well-known before legacy on each. */
async function discover(fetchJson: FetchJson, hostsOrUrls: string[], notes: string[]): Promise<Discovered | undefined> {
  const bases = hostsOrUrls.flatMap((h) => {
    const target = discoveryTarget(h);
    if (!target.ok) notes.push(`${h}: ${target.error}`);
    return target.ok ? target.bases : [];
  });
  const found = await findDiscovery(fetchJson, bases);
  if (found.ok) return { base: found.base, doc: found.doc };
  notes.push(...found.tried);
  return undefined;
}

/**
 * Verifies what a peer sent, the way an OCM receiver must (draft-07 §5): for RFC 9421, the keyid names
 * the sender, whose discovery gives a jwksUri, whose JWKS holds the key with kid = keyid; for
 * draft-cavage, the keyId URL's discovery carries the legacy publicKey. Never throws.
 */
export async function verifyInbound(
  message: ReceivedMessage,
  fetchJson: FetchJson,
  options: { now?: number; doc?: unknown; maxAgeSeconds?: number } = {},
): Promise<Verification> {
  const scheme = detectScheme(message.headers);
  if (scheme === 'none') {
    const stray = headerValues(message.headers, 'signature').length > 0;
    return stray
      ? {
          status: 'failed',
          summary:
            'A Signature header was sent without Signature-Input (RFC 9421) or keyId (draft-cavage): it cannot be verified.',
        }
      : { status: 'unsigned', summary: 'No Signature header: the request is not signed.' };
  }
  try {
    return scheme === 'rfc9421'
      ? await verifyRfc9421(message, fetchJson, options)
      : await verifyLegacy(message, fetchJson, options);
  } catch (err) {
    return { status: 'failed', profile: scheme, summary: `Verification could not run: ${(err as Error).message}` };
  }
}

async function verifyRfc9421(
  message: ReceivedMessage,
  fetchJson: FetchJson,
  options: { now?: number; doc?: unknown; maxAgeSeconds?: number },
): Promise<Verification> {
  const entries = readSignatures(message.headers);
  if (!entries.ok) return { status: 'failed', profile: 'rfc9421', summary: entries.error.message };
  // structured-headers gives parameters as a Map.
  const param = (e: (typeof entries.value)[number] | undefined, name: string) => e?.params.get(name);
  const entry = entries.value.find((e) => param(e, 'tag') === OCM_RFC9421_PROFILE.tag);
  if (!entry) return unsignedForOcm(entries.value.map((e) => ({ label: e.label, tag: param(e, 'tag') })));
  const keyidValue = param(entry, 'keyid');
  const keyid = typeof keyidValue === 'string' ? keyidValue : undefined;
  if (!keyid)
    return {
      status: 'failed',
      profile: 'rfc9421',
      summary: 'The signature has no keyid, so the sender and its key cannot be found (OCM requires keyid).',
    };

  const notes: string[] = [];
  // The body names the signer (§5.1); the keyid's host is the fallback some servers use.
  const domain = signerDomainOf(options.doc);
  const found = await discover(fetchJson, domain ? [domain, keyidHost(keyid)] : [keyidHost(keyid)], notes);
  if (!found) {
    const where = domain
      ? `the signer's domain ${domain} (from the body) or the keyid's host ${keyidHost(keyid)}`
      : `the keyid's host ${keyidHost(keyid)}`;
    return {
      status: 'failed',
      profile: 'rfc9421',
      keyid,
      summary: `No discovery document found for ${where}.`,
      details: notes,
    };
  }
  // Where the keys are: jwksUri (1.5 / draft-07); without it, the fixed /.well-known/jwks.json that 1.3 and
  // 1.4 peers publish (draft-07 lets a receiver discard such a sender; the console says so and goes on).
  const declared = found.doc.jwksUri;
  const jwksUri = typeof declared === 'string' ? declared : '/.well-known/jwks.json';
  const located: string[] = [];
  if (typeof declared !== 'string') {
    const version = typeof found.doc.apiVersion === 'string' ? found.doc.apiVersion : 'unknown';
    located.push(
      `The sender's discovery (${found.base}, apiVersion ${version}) has no jwksUri, so its keys were looked for at /.well-known/jwks.json, where OCM 1.3 and 1.4 servers publish them; draft-07 (1.5) requires jwksUri, and a 1.5 receiver may refuse the request for it.`,
    );
  }
  const jwksRes = await fetchJson(new URL(jwksUri, found.base).href);
  if (!jwksRes.ok || jwksRes.status !== 200) {
    return {
      status: 'failed',
      profile: 'rfc9421',
      keyid,
      summary:
        typeof declared === 'string'
          ? `The JWKS at ${jwksUri} could not be fetched: ${jwksRes.ok ? `HTTP ${jwksRes.status}` : jwksRes.error}.`
          : `The sender's discovery (${found.base}) has no jwksUri, and it publishes no JWKS at /.well-known/jwks.json either (${jwksRes.ok ? `HTTP ${jwksRes.status}` : jwksRes.error}), so its RFC 9421 key cannot be found.`,
    };
  }
  const jwks = parseJwks(jwksRes.json as object);
  if (!jwks.ok)
    return {
      status: 'failed',
      profile: 'rfc9421',
      keyid,
      summary: `The JWKS at ${jwksUri} is not usable: ${jwks.error.message}.`,
    };
  const verdict = await rfc9421Outcome(message, jwks.value, keyid, options);
  return located.length ? { ...verdict, details: [...located, ...(verdict.details ?? [])] } : verdict;
}

/**
 * Draft-07 "Verification Requirements": a request whose signatures all lack tag="ocm" is unsigned for OCM,
 * and those signatures (a proxy's, another application's) are not checked as OCM signatures.
 */
function unsignedForOcm(others: Array<{ label: string; tag: unknown }>): Verification {
  const named = others.map((o) => (typeof o.tag === 'string' ? { label: o.label, tag: o.tag } : { label: o.label }));
  const list = named.map((o) => (o.tag === undefined ? `${o.label} (no tag)` : `${o.label} (tag="${o.tag}")`));
  return {
    status: 'unsigned',
    profile: 'rfc9421',
    summary: `Unsigned for OCM: no signature carries tag="ocm". The request has ${named.length === 1 ? 'an RFC 9421 signature' : `${named.length} RFC 9421 signatures`} that ${named.length === 1 ? 'is' : 'are'} not OCM's: ${list.join(', ')}.`,
    details: [
      'OCM receivers look only at the signature with tag="ocm" and ignore the others; without it, a receiver that advertises must-use-http-sig refuses the request, and one that does not may accept it as unsigned.',
      ...(named.some((o) => o.label === 'ocm' && o.tag === undefined)
        ? ['A signature labelled "ocm" is not marked by its label (which proxies may rewrite): add tag="ocm".']
        : []),
    ],
    otherSignatures: named,
  };
}

async function rfc9421Outcome(
  message: ReceivedMessage,
  jwks: Jwks,
  keyid: string,
  options: { now?: number; maxAgeSeconds?: number },
): Promise<Verification> {
  const outcome = await verifyMessage(
    { method: message.method, url: message.url, headers: message.headers, body: message.body },
    {
      jwks,
      profile: OCM_RFC9421_PROFILE,
      now: options.now,
      ...(options.maxAgeSeconds ? { maxAgeSeconds: options.maxAgeSeconds } : {}),
    },
  );
  return {
    status: outcome.ok ? 'verified' : 'failed',
    profile: 'rfc9421',
    keyid: outcome.keyid ?? keyid,
    summary: outcome.ok
      ? `RFC 9421 signature ${outcome.label ?? ''} verified with ${outcome.alg ?? 'the key'} from the sender's JWKS.`.replace(
          '  ',
          ' ',
        )
      : (outcome.problems[0]?.message ?? 'The signature does not verify.'),
    details: [...outcome.problems.slice(outcome.ok ? 0 : 1).map((p) => p.message), ...outcome.notes],
    signatureBase: outcome.signatureBase,
  };
}

async function verifyLegacy(
  message: ReceivedMessage,
  fetchJson: FetchJson,
  options: { now?: number; doc?: unknown; maxAgeSeconds?: number },
): Promise<Verification> {
  const header = [
    ...headerValues(message.headers, 'signature'),
    ...headerValues(message.headers, 'authorization').map((v) => v.replace(/^Signature\s+/i, '')),
  ].find((v) => /keyId\s*=/.test(v))!;
  const params = parseCavageHeader(header);
  if (!params.ok) return { status: 'failed', profile: 'cavage', summary: params.error.message };
  const keyId = params.value.keyId;
  if (!keyId)
    return {
      status: 'failed',
      profile: 'cavage',
      summary: 'The Signature header has no keyId, so the sender and its key cannot be found.',
    };
  const notes: string[] = [];
  // Nextcloud's keyId is a URL on the signer's own server, so it is tried first.
  const domain = signerDomainOf(options.doc);
  const found = await discover(fetchJson, domain ? [keyidHost(keyId), domain] : [keyidHost(keyId)], notes);
  if (!found)
    return {
      status: 'failed',
      profile: 'cavage',
      keyid: keyId,
      summary: `No discovery document found for the keyId's host ${keyidHost(keyId)}.`,
      details: notes,
    };
  const legacyKey = legacyPublicKey(found.doc);
  if (!legacyKey) {
    return {
      status: 'failed',
      profile: 'cavage',
      keyid: keyId,
      summary: `The sender's discovery (${found.base}) publishes no legacy publicKey to check a draft-cavage signature with.`,
    };
  }
  const key = await importKey(legacyKey.pem);
  if (!key.ok)
    return {
      status: 'failed',
      profile: 'cavage',
      keyid: keyId,
      summary: `The sender's publicKey does not parse: ${key.error.message}.`,
    };
  const published = legacyKey.keyId;
  const outcome = await verifyCavage(
    { method: message.method, url: message.url, headers: message.headers, body: message.body },
    {
      key: key.value as KeyMaterial,
      profile: NEXTCLOUD_CAVAGE_PROFILE,
      now: options.now,
      ...(options.maxAgeSeconds ? { maxAgeSeconds: options.maxAgeSeconds } : {}),
    },
  );
  const details = [...outcome.problems.slice(outcome.ok ? 0 : 1).map((p) => p.message), ...outcome.notes];
  if (outcome.nonStandard) details.unshift(`Non-standard: ${outcome.nonStandard}`);
  if (typeof published === 'string' && published !== keyId)
    details.push(`The discovery publishes keyId ${published}, but the signature names ${keyId}.`);
  return {
    status: outcome.ok ? 'verified' : 'failed',
    profile: 'cavage',
    keyid: keyId,
    summary: outcome.ok
      ? `draft-cavage signature (${outcome.algorithm ?? 'rsa-sha256'}) verified with the sender's legacy publicKey.`
      : (outcome.problems[0]?.message ?? 'The signature does not verify.'),
    details,
    signatureBase: outcome.signingString,
  };
}
