import type { CheckReport } from '../../src/contract/check.ts';
import type { SigningRecord } from '../../src/contract/exchange.ts';
import {
  checkPlan,
  checkProbeBodies,
  gradeCheck,
  signingChoiceFor,
  type ProbeEvidence,
} from '../../src/protocol/index.ts';
import { OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import { createContentDigest, headerPairs, signWithProfile } from '../../src/signing/index.ts';
import { discoverTarget } from '../discovery/discover-target.ts';
import type { KeyStore } from '../identity/key-store.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { signOutbound } from '../signer/sign-outbound.ts';
import { probe } from './probe.ts';

export interface CheckDeps {
  client: OutboundClient;
  keys: KeyStore;
  /** The console's base URL as the target can reach it; undefined when it cannot (the CLI). */
  consoleBase?: string;
}

/**
 * Gathers the evidence for the graded check of one OCM server and has the protocol core grade it
 * (src/protocol/check). Probes change nothing: shares to a user that does not exist and a token request
 * with a code that was never issued, signed with the console's keys; at most ten requests in all.
 */
export async function runCheck(target: string, deps: CheckDeps): Promise<CheckReport | { error: string }> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const discovery = await discoverTarget(deps.client, target);
  if ('error' in discovery) return discovery;
  const canSign = !!deps.consoleBase;
  const plan = checkPlan(discovery, canSign);
  const consoleHost = deps.consoleBase ? new URL(deps.consoleBase).host : 'ocm-explorer.invalid';
  const bodies = checkProbeBodies(discovery.base, {
    host: consoleHost,
    ...(deps.consoleBase ? { base: deps.consoleBase } : {}),
  });
  const key = deps.keys.active('rfc9421');
  /** A POST probe, unsigned or signed with the console's RFC 9421 key (with a fault, to see it refused). */
  const post = async (
    label: string,
    url: string,
    body: string,
    contentType: string,
    sign: 'none' | 'sound' | 'digest' | 'stale' | 'as-receiver-expects',
  ) => {
    let headers: [string, string][] = [
      ['Host', new URL(url).host],
      ['Content-Type', contentType],
      ['Content-Length', String(Buffer.byteLength(body))],
    ];
    let signing: SigningRecord | null = null;
    const choice = signingChoiceFor(discovery.document);
    if (sign === 'as-receiver-expects' && choice.profile === 'cavage' && deps.consoleBase) {
      // A draft-cavage receiver (the OCM-stub) cannot read an RFC 9421 signature; some drop the
      // connection or exit. The probe is signed the way its discovery says it verifies.
      const signed = await signOutbound(
        { method: 'POST', url, headers, body: new TextEncoder().encode(body) },
        'cavage',
        deps.keys,
        { consoleBase: deps.consoleBase, ...(choice.variant ? { cavageVariant: choice.variant } : {}) },
      );
      if (!signed.ok) throw new Error(signed.message);
      headers = signed.headers;
      signing = signed.record;
    } else if (sign !== 'none') {
      if (sign === 'digest') headers.push(['Content-Digest', await createContentDigest(`${body} `)]);
      const now = Math.floor(Date.now() / 1000) - (sign === 'stale' ? 600 : 0);
      const result = await signWithProfile({ method: 'POST', url, headers, body }, OCM_RFC9421_PROFILE, {
        key: key.material,
        keyid: key.kid,
        now,
      });
      if (!result.ok) throw new Error(result.error.message);
      headers = headerPairs(result.value.message.headers) as [string, string][];
      signing = {
        profile: 'rfc9421',
        keyid: key.kid,
        alg: result.value.alg,
        label: result.value.label,
        signatureBase: result.value.signatureBase,
        added: result.value.headers,
      };
    }
    return probe(deps.client, label, { method: 'POST', url, headers, body: new TextEncoder().encode(body), signing });
  };

  const evidence: ProbeEvidence = {};
  if (plan.jwksUri)
    evidence.jwks = await probe(deps.client, 'GET jwksUri', {
      method: 'GET',
      url: plan.jwksUri,
      headers: [
        ['Host', new URL(plan.jwksUri).host],
        ['Accept', 'application/json'],
      ],
    });
  const json = 'application/json';
  if (plan.shareUrl && plan.signaturePolicy) {
    evidence.unsigned = await post('unsigned share', plan.shareUrl, bodies.share, json, 'none');
    if (canSign) {
      evidence.digest = await post('share with a wrong Content-Digest', plan.shareUrl, bodies.share, json, 'digest');
      evidence.stale = await post('share signed 10 minutes ago', plan.shareUrl, bodies.share, json, 'stale');
    }
  }
  if (plan.shareUrl)
    evidence.invalidShare = await post(
      'share without required fields',
      plan.shareUrl,
      bodies.invalidShare,
      json,
      plan.signInvalidShare ? 'sound' : 'none',
    );
  if (plan.tokenEndPoint)
    evidence.token = await post(
      'token request with a code never issued',
      plan.tokenEndPoint,
      bodies.tokenForm,
      'application/x-www-form-urlencoded',
      'as-receiver-expects',
    );

  const graded = gradeCheck(discovery, evidence, { canSign });
  return { ...graded, startedAt, durationMs: Math.round(performance.now() - started) };
}
