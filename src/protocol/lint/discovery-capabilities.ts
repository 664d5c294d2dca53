import { childPointer } from '../json/pointer.ts';
import { atLeast, below } from '../versions.ts';
import {
  CAPABILITIES,
  CRITERIA,
  PATH_CAPABILITIES,
  RENAMED_CAPABILITIES,
  RENAMED_CRITERIA,
  includes,
} from '../vocabulary.ts';
import type { CheckContext } from './context.ts';
import { checkHttpUrl, stringsOf } from './util.ts';

export function checkCapabilities(ctx: CheckContext): void {
  const { version } = ctx;
  const caps = ctx.doc.capabilities;
  if (!Array.isArray(caps)) return;
  caps.forEach((cap, i) => {
    if (typeof cap !== 'string' || includes(CAPABILITIES, cap)) return;
    const at = childPointer('/capabilities', i);
    const renamed = RENAMED_CAPABILITIES[cap];
    if (renamed) {
      if (atLeast(version, renamed.since))
        ctx.report(
          'discovery.capability-renamed',
          at,
          `Capability "${cap}" is the old name; since ${renamed.since} it is ${renamed.now}.`,
          { hint: 'Advertise both during a transition if older peers still read the old name.' },
        );
      return;
    }
    if (cap.startsWith('/')) {
      const now = PATH_CAPABILITIES[cap] ?? 'a capability token without "/"';
      ctx.report(
        'discovery.capability-path-style',
        at,
        `"${cap}" is a 1.1 endpoint-style capability (still published by oCIS/Reva); from 1.2 on capabilities are tokens: ${now}.`,
        { severity: below(version, '1.2') ? 'info' : 'warning' },
      );
      return;
    }
    ctx.report(
      'discovery.capability-unknown',
      at,
      `Capability "${cap}" is not defined by the spec; peers will ignore it.`,
    );
  });
}

export function checkCriteria(ctx: CheckContext): void {
  const { version, doc } = ctx;
  const criteria = doc.criteria;
  const caps = stringsOf(doc.capabilities);
  if (Array.isArray(criteria)) {
    criteria.forEach((c, i) => {
      if (typeof c !== 'string' || includes(CRITERIA, c)) return;
      const at = childPointer('/criteria', i);
      const renamed = RENAMED_CRITERIA[c];
      if (renamed) {
        if (atLeast(version, renamed.since))
          ctx.report(
            'discovery.criterion-renamed',
            at,
            `Criterion "${c}" is the old name; since ${renamed.since} it is "${renamed.now}".`,
          );
        return;
      }
      ctx.report(
        'discovery.criterion-unknown',
        at,
        `Criterion "${c}" is not defined by the spec; senders cannot honour it.`,
      );
    });
  }
  const list = stringsOf(criteria);
  const needs = (criterion: string, aliases: string[], capability: string, capAliases: string[]) => {
    const index = list.findIndex((c) => c === criterion || aliases.includes(c));
    if (index < 0 || caps.includes(capability) || capAliases.some((a) => caps.includes(a))) return;
    ctx.report(
      'discovery.criterion-needs-capability',
      childPointer('/criteria', index),
      `Criterion "${list[index]}" requires the "${capability}" capability, which is not advertised.`,
      { hint: `Add "${capability}" to capabilities, or drop the criterion.` },
    );
  };
  needs('must-exchange-token', ['token-exchange'], 'exchange-token', ['receive-code']);
  needs('must-use-http-sig', [], 'http-sig', []);
}

/** Capabilities that promise an endpoint or a key location. */
export function checkCapabilityDependencies(ctx: CheckContext): void {
  const { doc, version } = ctx;
  const caps = stringsOf(doc.capabilities);
  const index = (cap: string) => childPointer('/capabilities', caps.indexOf(cap));
  if (caps.includes('http-sig') && typeof doc.jwksUri !== 'string') {
    if (atLeast(version, '1.5'))
      ctx.report(
        'discovery.http-sig-needs-jwks-uri',
        index('http-sig'),
        '"http-sig" is advertised without "jwksUri": peers cannot find the keys to verify your signatures.',
        { hint: 'Add "jwksUri": "https://<host>/<path>/jwks" (an RFC 7517 JWK Set with kid and alg on every key).' },
      );
    else
      ctx.report(
        'discovery.http-sig-needs-jwks-uri',
        index('http-sig'),
        `"http-sig" without "jwksUri": a ${version} peer looks for keys at /.well-known/jwks.json; 1.5 peers need "jwksUri".`,
        { severity: 'info' },
      );
  }
  if (typeof doc.jwksUri === 'string') {
    const url = checkHttpUrl(doc.jwksUri);
    const strict = stringsOf(doc.criteria).includes('must-use-http-sig');
    if (url.ok && !url.https && strict)
      ctx.report(
        'discovery.url-http',
        '/jwksUri',
        'must-use-http-sig with a plain-http jwksUri: anyone on the path can swap the keys peers verify with.',
        { severity: 'warning' },
      );
  }
  if (caps.includes('exchange-token') && typeof doc.tokenEndPoint !== 'string')
    ctx.report(
      'discovery.exchange-token-needs-endpoint',
      index('exchange-token'),
      '"exchange-token" is advertised without "tokenEndPoint": receivers do not know where to exchange codes.',
      { hint: 'Add "tokenEndPoint": "https://<host>/ocm/token".' },
    );
  if (caps.includes('invites') && typeof doc.inviteAcceptDialog !== 'string')
    ctx.report(
      'discovery.invites-without-dialog',
      index('invites'),
      '"invites" is advertised without "inviteAcceptDialog": WAYF pages cannot send users to your accept page.',
      { hint: 'Add "inviteAcceptDialog": "/path/to/accept" (the page receives ?token=…&providerDomain=…).' },
    );
}
