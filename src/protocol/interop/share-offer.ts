// What a received share offers for the code flow (draft "Share Creation Notification" and the code flow):
// which code to exchange, which resource to read with the token, and each older form it came in, named.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ShareOffer {
  /** The code to exchange at the sender's token endpoint; absent when the share offers none. */
  code?: string;
  /** The resource to read with the token, as the share gives it (absolute, or relative to the webdav path). */
  uri?: string;
  protocol?: 'webdav' | 'webapp' | 'legacy';
  /** Each place the share departs from draft-07's form. */
  deviations: string[];
}

/**
 * Reads a received share for the code flow. Draft-07 carries the code as `protocol.webdav.sharedSecret`
 * with `must-exchange-token` in `requirements`; 1.2-era senders (the OCM-stub) put it in a top-level `code`
 * next to a webdav secret that is not the code, and spell `uri` as `URI`. Both are read, and named.
 */
export function shareOffer(doc: unknown): ShareOffer {
  const deviations: string[] = [];
  if (!isObject(doc)) return { deviations: ['The share is not a JSON object.'] };
  const protocol = isObject(doc.protocol) ? doc.protocol : {};
  const webdav = isObject(protocol.webdav) ? protocol.webdav : undefined;
  const webapp = isObject(protocol.webapp) ? protocol.webapp : undefined;
  const entry = webdav ?? webapp;
  let uri: string | undefined;
  if (entry && typeof entry.uri === 'string') uri = entry.uri;
  else if (entry && typeof entry.URI === 'string') {
    uri = entry.URI;
    deviations.push('The resource is in "URI" (upper case); draft-07 names the field "uri".');
  }
  if (typeof doc.code === 'string' && doc.code) {
    deviations.push(
      'The code is a top-level "code" (OCM 1.2-era); draft-07 carries it as protocol.webdav.sharedSecret with ' +
        '"must-exchange-token" in requirements.',
    );
    return {
      code: doc.code,
      ...(uri ? { uri } : {}),
      protocol: webdav ? 'webdav' : webapp ? 'webapp' : 'legacy',
      deviations,
    };
  }
  if (entry && typeof entry.sharedSecret === 'string' && entry.sharedSecret) {
    const requirements = Array.isArray(entry.requirements) ? entry.requirements : [];
    if (!requirements.includes('must-exchange-token'))
      deviations.push(
        'The secret does not require a token exchange (no "must-exchange-token"); it is exchanged anyway, as ' +
          'draft-07 allows for a sender that advertises exchange-token.',
      );
    return { code: entry.sharedSecret, ...(uri ? { uri } : {}), protocol: webdav ? 'webdav' : 'webapp', deviations };
  }
  if (isObject(protocol.options) && typeof protocol.options.sharedSecret === 'string') {
    deviations.push(
      'Only the legacy {name, options} protocol (OCM 1.0/1.1): its secret is a Basic-auth password, not a code.',
    );
    return { protocol: 'legacy', deviations };
  }
  deviations.push('The share carries no code or secret.');
  return { deviations };
}

/** The sender's token endpoint from its discovery: `tokenEndPoint` read against its base (1.2-era servers publish a path). */
export function tokenEndpointOf(doc: unknown, base: string): { url?: string; deviation?: string } {
  if (!isObject(doc)) return {};
  if (typeof doc.tokenEndPoint === 'string') {
    try {
      const url = new URL(doc.tokenEndPoint, base).href;
      return /^https?:\/\//i.test(doc.tokenEndPoint)
        ? { url }
        : { url, deviation: `tokenEndPoint is a path ("${doc.tokenEndPoint}"); draft-07 publishes a URL.` };
    } catch {
      return { deviation: `tokenEndPoint ${JSON.stringify(doc.tokenEndPoint)} is not a URL.` };
    }
  }
  return {};
}

/** The absolute URL of a share's resource: a relative uri is read against the sender's webdav path. */
export function resourceUrlOf(uri: string, doc: unknown, base: string): string {
  if (/^https?:\/\//i.test(uri)) return uri;
  const types = isObject(doc) && Array.isArray(doc.resourceTypes) ? doc.resourceTypes : [];
  const prefix = types
    .map((t) => (isObject(t) && isObject(t.protocols) ? t.protocols.webdav : undefined))
    .find((p): p is string => typeof p === 'string');
  return new URL(`${(prefix ?? '/').replace(/\/?$/, '/')}${uri.replace(/^\//, '')}`, base).href;
}
