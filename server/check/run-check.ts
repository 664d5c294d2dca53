import type { DiscoverResult } from '../../src/contract/exchange.ts';
import { AREAS, worst, type CheckLine, type CheckReport, type Grade } from '../../src/contract/check.ts';
import {
  checkPublicKeyPem,
  jwkProblems,
  jwkSetKeys,
  legacyPublicKey,
  messageUrl,
  tokenRequestForm,
} from '../../src/protocol/index.ts';
import { OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import { createContentDigest, headerPairs, signWithProfile } from '../../src/signing/index.ts';
import type { KeyStore } from '../identity/key-store.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { discoverTarget } from '../discovery/discover-target.ts';
import { jsonOf, probe, seenOf, statusOf, type Evidence } from './probe.ts';

const DRAFT = 'https://datatracker.ietf.org/doc/html/draft-ietf-ocm-open-cloud-mesh';
const REF = {
  discovery: { section: 'Discovery', url: `${DRAFT}#name-discovery` },
  signatures: { section: 'HTTP Message Signatures', url: `${DRAFT}#name-http-message-signatures` },
  share: { section: 'Share Creation Notification', url: `${DRAFT}#name-share-creation-notification` },
  token: { section: 'Code flow (token exchange)', url: DRAFT },
};

export interface CheckDeps {
  client: OutboundClient;
  keys: KeyStore;
  /** The console's base URL as the target can reach it; undefined when it cannot (the CLI). */
  consoleBase?: string;
}

type Area = (typeof AREAS)[number];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Grades one OCM server area by area, as a peer would meet it. Probes that must change nothing are
 * shares to a user that does not exist and token requests with a code that was never issued; at most
 * ten requests in all.
 */
export async function runCheck(target: string, deps: CheckDeps): Promise<CheckReport | { error: string }> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const lines: Record<Area, CheckLine[]> = {
    discovery: [],
    transport: [],
    keys: [],
    signatures: [],
    validation: [],
    token: [],
  };
  const notes: string[] = [];
  const add = (area: Area, line: Omit<CheckLine, 'evidence'> & { evidence?: Evidence[] }) =>
    lines[area].push({ ...line, evidence: line.evidence ?? [] });

  const found = await discoverTarget(deps.client, target);
  if ('error' in found) return found;
  const discovery: DiscoverResult = found;
  const evidence: Evidence[] = [
    {
      label: 'GET /.well-known/ocm',
      ...(found.wellKnown.exchange ? { exchange: found.wellKnown.exchange } : {}),
      ...(found.wellKnown.failure ? { failure: found.wellKnown.failure } : {}),
    },
  ];
  if (found.legacy)
    evidence.push({
      label: 'GET /ocm-provider',
      ...(found.legacy.exchange ? { exchange: found.legacy.exchange } : {}),
      ...(found.legacy.failure ? { failure: found.legacy.failure } : {}),
    });
  const doc = isObject(discovery.document) ? discovery.document : undefined;
  add('discovery', {
    id: 'discovery.reachable',
    title: 'Discovery document served',
    grade: discovery.answeredBy === 'well-known' ? 'pass' : discovery.answeredBy === 'legacy' ? 'warn' : 'fail',
    expected: 'a JSON object at /.well-known/ocm',
    seen:
      discovery.answeredBy === 'well-known'
        ? 'served at /.well-known/ocm'
        : discovery.answeredBy === 'legacy'
          ? 'only the legacy /ocm-provider answered'
          : (discovery.problem ?? 'no document'),
    specRef: REF.discovery,
    evidence,
  });
  const base = discovery.base;
  if (!doc) {
    for (const area of AREAS.filter((a) => a !== 'discovery'))
      add(area, {
        id: `${area}.skipped`,
        title: 'Not checked',
        grade: 'skip',
        expected: 'a discovery document to start from',
        seen: 'none',
      });
    return finish();
  }
  const errors = discovery.findings.filter((f) => f.severity === 'error');
  const warnings = discovery.findings.filter((f) => f.severity === 'warning');
  add('discovery', {
    id: 'discovery.lint',
    title: 'Discovery document lints clean',
    grade: errors.length ? 'fail' : warnings.length ? 'warn' : 'pass',
    expected: `no errors against OCM ${discovery.detected?.version ?? '?'}`,
    seen: `${errors.length} errors, ${warnings.length} warnings${errors[0] ? `; first: ${errors[0].path || '/'} ${errors[0].message}` : warnings[0] ? `; first: ${warnings[0].path || '/'} ${warnings[0].message}` : ''}`,
    specRef: REF.discovery,
  });

  // Transport.
  const https = base.startsWith('https:');
  add('transport', {
    id: 'transport.https',
    title: 'Served over https',
    grade: https ? 'pass' : 'warn',
    expected: 'https (plain http is fine for a lab)',
    seen: https ? 'https' : 'plain http',
  });
  const wk = found.wellKnown.exchange;
  if (wk) {
    const redirected = wk.response.status >= 300 && wk.response.status < 400;
    add('transport', {
      id: 'transport.redirect',
      title: 'No redirect on discovery',
      grade: redirected ? 'warn' : 'pass',
      expected: 'the document at the well-known URL itself',
      seen: redirected
        ? `${wk.response.status} to ${wk.response.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? '?'} (not followed)`
        : `${wk.response.status}`,
    });
    const first = wk.timing.firstByte ?? wk.timing.total;
    add('transport', {
      id: 'transport.latency',
      title: 'Answers promptly',
      grade: first < 2_000 ? 'pass' : 'warn',
      expected: 'first byte within 2 s',
      seen: `${first.toFixed(0)} ms`,
    });
  }

  // Keys.
  const capabilities = strings(doc.capabilities);
  const criteria = strings(doc.criteria);
  const httpSig = capabilities.includes('http-sig');
  if (httpSig || typeof doc.jwksUri === 'string') {
    if (typeof doc.jwksUri !== 'string')
      add('keys', {
        id: 'keys.jwks-uri',
        title: 'jwksUri published',
        grade: 'fail',
        expected: 'jwksUri, since http-sig is advertised',
        seen: 'missing',
        specRef: REF.signatures,
      });
    else {
      const fetched = await probe(deps.client, 'GET jwksUri', {
        method: 'GET',
        url: doc.jwksUri,
        headers: [
          ['Host', new URL(doc.jwksUri).host],
          ['Accept', 'application/json'],
        ],
      });
      const keys = jwkSetKeys(jsonOf(fetched));
      add('keys', {
        id: 'keys.jwks',
        title: 'JWKS reachable and readable',
        grade: keys ? 'pass' : 'fail',
        expected: 'a JWK Set ({"keys": [...]}) at jwksUri',
        seen: keys ? `${keys.length} key(s)` : seenOf(fetched),
        specRef: REF.signatures,
        evidence: [fetched],
      });
      if (keys) {
        const bad = keys.filter((k) => jwkProblems(k).length > 0);
        add('keys', {
          id: 'keys.members',
          title: 'Every key has kid and alg, none is symmetric',
          grade: keys.length && !bad.length ? 'pass' : 'fail',
          expected: 'kid and alg on every JWK; no HMAC',
          seen: keys.length
            ? bad.length
              ? `${bad.length} of ${keys.length} lack kid/alg or are symmetric`
              : 'all keys complete'
            : 'the set is empty',
          specRef: REF.signatures,
        });
      }
    }
  }
  const pem = legacyPublicKey(doc)?.pem;
  if (pem) {
    const parsed = checkPublicKeyPem(pem);
    add('keys', {
      id: 'keys.legacy-public-key',
      title: 'Legacy publicKey parses',
      grade: parsed.ok ? 'pass' : 'fail',
      expected: 'an SPKI PEM public key',
      seen: parsed.ok ? `${parsed.algorithm}${parsed.rsaBits ? ` ${parsed.rsaBits} bits` : ''}` : parsed.error,
    });
  }
  if (!lines.keys.length)
    add('keys', {
      id: 'keys.none',
      title: 'Signing keys',
      grade: 'skip',
      expected: 'jwksUri or a legacy publicKey',
      seen: 'publishes no keys (it cannot sign what it sends)',
    });

  // Probes: a share to a user that does not exist, signed by the console as a real peer would.
  const endPoint = typeof doc.endPoint === 'string' ? doc.endPoint.replace(/\/+$/, '') : undefined;
  const targetHost = new URL(base).host;
  const consoleHost = deps.consoleBase ? new URL(deps.consoleBase).host : 'ocm-explorer.invalid';
  const probeShare = JSON.stringify({
    shareWith: `ocm-explorer-check-nobody@${targetHost}`,
    name: 'ocm-explorer-check.txt',
    providerId: 'ocm-explorer-check',
    owner: `ocm-explorer-check@${consoleHost}`,
    sender: `ocm-explorer-check@${consoleHost}`,
    shareType: 'user',
    resourceType: 'file',
    protocol: {
      name: 'multi',
      webdav: {
        uri: `${deps.consoleBase ?? 'https://ocm-explorer.invalid'}/ocm/webdav/none`,
        sharedSecret: 'not-a-real-secret',
        permissions: ['read'],
        requirements: ['must-exchange-token'],
      },
    },
  });
  const key = deps.keys.active('rfc9421');
  const signed = async (url: string, body: string, contentType: string, fault?: 'digest' | 'stale') => {
    const headers: [string, string][] = [
      ['Host', new URL(url).host],
      ['Content-Type', contentType],
      ['Content-Length', String(Buffer.byteLength(body))],
    ];
    if (fault === 'digest') headers.push(['Content-Digest', await createContentDigest(`${body} `)]);
    const now = Math.floor(Date.now() / 1000) - (fault === 'stale' ? 600 : 0);
    const result = await signWithProfile({ method: 'POST', url, headers, body }, OCM_RFC9421_PROFILE, {
      key: key.material,
      keyid: key.kid,
      now,
    });
    if (!result.ok) throw new Error(result.error.message);
    return {
      headers: headerPairs(result.value.message.headers) as [string, string][],
      signing: {
        profile: 'rfc9421' as const,
        keyid: key.kid,
        alg: result.value.alg,
        label: result.value.label,
        signatureBase: result.value.signatureBase,
        added: result.value.headers,
      },
    };
  };
  const canSign = !!deps.consoleBase;
  if (!canSign)
    notes.push(
      'Signed probes were not sent: run from the console (not the CLI), which publishes the keys the target needs to verify them.',
    );

  // Signature policy.
  if (!endPoint)
    add('signatures', {
      id: 'signatures.endpoint',
      title: 'Signature policy',
      grade: 'skip',
      expected: 'an endPoint to probe',
      seen: 'none',
    });
  else if (!criteria.includes('must-use-http-sig')) {
    add('signatures', {
      id: 'signatures.not-required',
      title: 'Signature policy',
      grade: 'skip',
      expected: 'criterion must-use-http-sig to test refusals',
      seen: httpSig ? 'http-sig advertised but signatures not required' : 'signatures not advertised',
    });
  } else {
    const url = messageUrl(endPoint, 'share');
    const bytes = new TextEncoder().encode(probeShare);
    const refusal = (id: string, title: string, e: Evidence) => {
      const status = statusOf(e);
      const grade: Grade =
        status === undefined
          ? 'fail'
          : status === 401 || status === 403
            ? 'pass'
            : status >= 200 && status < 300
              ? 'fail'
              : status >= 500
                ? 'fail'
                : 'warn';
      add('signatures', {
        id,
        title,
        grade,
        expected: 'refused with 401 or 403',
        seen: seenOf(e),
        specRef: REF.signatures,
        evidence: [e],
      });
    };
    refusal(
      'signatures.unsigned',
      'Refuses an unsigned share',
      await probe(deps.client, 'unsigned share', {
        method: 'POST',
        url,
        headers: [
          ['Host', new URL(url).host],
          ['Content-Type', 'application/json'],
          ['Content-Length', String(bytes.byteLength)],
        ],
        body: bytes,
      }),
    );
    if (canSign) {
      const digest = await signed(url, probeShare, 'application/json', 'digest');
      refusal(
        'signatures.digest',
        'Refuses a wrong Content-Digest',
        await probe(deps.client, 'share with a wrong Content-Digest', {
          method: 'POST',
          url,
          headers: digest.headers,
          body: bytes,
          signing: digest.signing,
        }),
      );
      const stale = await signed(url, probeShare, 'application/json', 'stale');
      refusal(
        'signatures.stale',
        'Refuses a stale created (10 minutes old)',
        await probe(deps.client, 'share signed 10 minutes ago', {
          method: 'POST',
          url,
          headers: stale.headers,
          body: bytes,
          signing: stale.signing,
        }),
      );
    }
  }

  // Input validation: a share that lacks required fields.
  if (!endPoint)
    add('validation', {
      id: 'validation.endpoint',
      title: 'Input validation',
      grade: 'skip',
      expected: 'an endPoint to probe',
      seen: 'none',
    });
  else {
    const url = messageUrl(endPoint, 'share');
    const invalid = JSON.stringify({ shareWith: `ocm-explorer-check-nobody@${targetHost}` });
    const bytes = new TextEncoder().encode(invalid);
    const useSig = canSign && httpSig;
    const sig = useSig ? await signed(url, invalid, 'application/json') : undefined;
    const e = await probe(deps.client, 'share without required fields', {
      method: 'POST',
      url,
      headers: sig?.headers ?? [
        ['Host', new URL(url).host],
        ['Content-Type', 'application/json'],
        ['Content-Length', String(bytes.byteLength)],
      ],
      body: bytes,
      signing: sig?.signing ?? null,
    });
    const status = statusOf(e);
    const body = jsonOf(e);
    const shaped = isObject(body) && typeof body.message === 'string';
    const grade: Grade =
      status === undefined || status >= 500 || (status >= 200 && status < 300)
        ? 'fail'
        : status >= 400 && status < 500
          ? shaped
            ? 'pass'
            : 'warn'
          : 'warn';
    add('validation', {
      id: 'validation.share',
      title: 'Refuses an invalid share with a spec-shaped error',
      grade,
      expected: '4xx with {"message", "validationErrors"?}',
      seen: seenOf(e),
      specRef: REF.share,
      evidence: [e],
    });
  }

  // Token endpoint.
  if (!capabilities.includes('exchange-token'))
    add('token', {
      id: 'token.not-advertised',
      title: 'Token endpoint',
      grade: 'skip',
      expected: 'capability exchange-token',
      seen: 'not advertised',
    });
  else if (typeof doc.tokenEndPoint !== 'string')
    add('token', {
      id: 'token.missing',
      title: 'tokenEndPoint published',
      grade: 'fail',
      expected: 'tokenEndPoint, since exchange-token is advertised',
      seen: 'missing',
      specRef: REF.token,
    });
  else if (!canSign)
    add('token', {
      id: 'token.unsigned-skipped',
      title: 'Token endpoint',
      grade: 'skip',
      expected: 'a signed token request',
      seen: 'not sent (no reachable identity to sign with)',
    });
  else {
    const form = tokenRequestForm({ clientId: consoleHost, code: 'ocm-explorer-check-never-issued' });
    const sig = await signed(doc.tokenEndPoint, form, 'application/x-www-form-urlencoded');
    const e = await probe(deps.client, 'token request with a code never issued', {
      method: 'POST',
      url: doc.tokenEndPoint,
      headers: sig.headers,
      body: new TextEncoder().encode(form),
      signing: sig.signing,
    });
    const status = statusOf(e);
    const body = jsonOf(e);
    const error = isObject(body) ? body.error : undefined;
    const grade: Grade =
      status === 400 && error === 'invalid_grant'
        ? 'pass'
        : status !== undefined && status >= 400 && status < 500
          ? 'warn'
          : 'fail';
    add('token', {
      id: 'token.invalid-grant',
      title: 'Refuses an unknown code with invalid_grant',
      grade,
      expected: '400 {"error": "invalid_grant"}',
      seen: seenOf(e),
      specRef: REF.token,
      evidence: [e],
    });
  }
  return finish();

  function finish(): CheckReport {
    const areas = AREAS.map((area) => ({ area, grade: worst(lines[area].map((l) => l.grade)), lines: lines[area] }));
    return {
      target,
      base: discovery?.base ?? target,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      grade: worst(areas.map((a) => a.grade)),
      areas,
      notes,
    };
  }
}
