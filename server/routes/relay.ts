import { Hono, type Context } from 'hono';
import { safeParse } from 'zod/mini';
import { relayRequestSchema, type Exchange, type RelayFailure } from '../../src/contract/exchange.ts';
import type { KeyStore } from '../identity/key-store.ts';
import { exchangeRecord } from '../outbound/exchange-record.ts';
import { storeBody } from '../stored-body.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { signOutbound } from '../signer/sign-outbound.ts';

// Never forwarded: hop-by-hop fields, and what would carry the browser's identity to another server.
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'cookie',
  'origin',
  'referer',
  'host',
  'content-length',
]);

const FAILURE_STATUS: Record<RelayFailure['kind'], number> = {
  blocked: 403,
  'bad-request': 400,
  'too-large': 413,
  timeout: 504,
  dns: 502,
  refused: 502,
  tls: 502,
  network: 502,
  'rate-limited': 429,
};

/** A request the relay delivered: where it went, the body as sent, the receiver's status. */
export interface Relayed {
  url: string;
  body: Uint8Array;
  status: number;
  at: string;
}

const fail = (c: Context, failure: RelayFailure) => c.json({ failure }, FAILURE_STATUS[failure.kind] as 400);

/**
 * POST /api/relay: the browser's way out. The target travels in the custom `x-relay-target` header as
 * well as in the body, so another web page cannot use this without a CORS preflight (which gets no
 * CORS headers). The server builds the final request, signs it after its headers are fixed, sends it,
 * and answers the whole Exchange. Secrets in the request are never logged.
 */
export function relayRoutes(
  client: OutboundClient,
  keys: Promise<KeyStore>,
  consoleBase: (requestUrl: string) => string,
  maxRequestBytes: number,
  /** Told of each request delivered (not of dry runs or transport failures), with the receiver's status. */
  onRelayed?: (relayed: Relayed) => void,
): Hono {
  const app = new Hono();
  app.post('/api/relay', async (c) => {
    const declared = Number(c.req.header('content-length') ?? 0);
    // The JSON envelope may hold a base64 body: allow for its growth.
    if (declared > maxRequestBytes * 1.5 + 65_536)
      return fail(c, {
        kind: 'too-large',
        which: 'request',
        limit: maxRequestBytes,
        message: `The request is ${declared} bytes; the limit is ${maxRequestBytes}.`,
      });
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return fail(c, {
        kind: 'bad-request',
        field: 'body',
        message: 'The relay takes a JSON description of the request to send.',
      });
    }
    const parsed = safeParse(relayRequestSchema, input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'body';
      return fail(c, { kind: 'bad-request', field, message: `Invalid ${field}: ${issue?.message}` });
    }
    const req = parsed.data;
    if (c.req.header('x-relay-target') !== req.url) {
      return fail(c, {
        kind: 'bad-request',
        field: 'x-relay-target',
        message:
          'The x-relay-target header must repeat the target URL (it keeps other web pages from using the relay).',
      });
    }
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return fail(c, {
        kind: 'bad-request',
        field: 'url',
        message: `${JSON.stringify(req.url)} is not an absolute URL.`,
      });
    }

    const notes: string[] = [];
    const body = req.body
      ? req.body.encoding === 'base64'
        ? new Uint8Array(Buffer.from(req.body.data, 'base64'))
        : new TextEncoder().encode(req.body.data)
      : new Uint8Array();
    const headers: [string, string][] = [['Host', url.host]];
    for (const [name, value] of req.headers ?? []) {
      if (DROPPED.has(name.toLowerCase())) {
        if (!['host', 'content-length'].includes(name.toLowerCase()))
          notes.push(`${name} was not sent: the relay never forwards it.`);
        continue;
      }
      headers.push([name, value]);
    }
    if (body.byteLength || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(req.method))
      headers.push(['Content-Length', String(body.byteLength)]);

    let signing: Exchange['signing'] = null;
    let finalHeaders = headers;
    if (req.sign && req.sign !== 'none') {
      const signed = await signOutbound({ method: req.method, url: url.href, headers, body }, req.sign, await keys, {
        keyId: req.keyId,
        consoleBase: consoleBase(c.req.url),
        ...(req.cavageVariant ? { cavageVariant: req.cavageVariant } : {}),
        ...(req.fault ? { fault: req.fault } : {}),
      });
      if (!signed.ok)
        return fail(c, { kind: 'bad-request', field: 'sign', message: `Signing failed: ${signed.message}` });
      finalHeaders = signed.headers;
      signing = signed.record;
    }

    if (req.dryRun) {
      // Everything but the sending: the headers are final and the signature is made over them.
      const request = {
        method: req.method,
        url: url.href,
        headers: finalHeaders,
        ...(body.byteLength ? { body: storeBody(body) } : {}),
      };
      return c.json({ preview: { request, signing, notes } });
    }

    const startedAt = new Date().toISOString();
    const result = await client.send({
      method: req.method,
      url: url.href,
      headers: finalHeaders,
      body,
      insecureTls: req.insecureTls,
      timeoutMs: req.timeoutMs,
    });
    if (!result.ok) return fail(c, result.failure);
    const res = result.response;
    onRelayed?.({ url: url.href, body, status: res.status, at: startedAt });
    if (result.reusedConnection)
      notes.push(`An open connection to ${url.origin} was reused: no DNS, connect or TLS phase this time.`);
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
      if (location) notes.push(`Redirect to ${location} returned, not followed.`);
    }
    if (res.headers.some(([n]) => n.toLowerCase() === 'set-cookie'))
      notes.push('The response sets cookies; they are shown here but never stored.');
    if (req.insecureTls && url.protocol === 'https:')
      notes.push('The TLS certificate was not checked for this request (accepted on request).');
    const exchange = exchangeRecord({ method: req.method, url: url.href, headers: finalHeaders, body }, result, {
      startedAt,
      signing,
      insecureTls: !!req.insecureTls && url.protocol === 'https:',
      notes,
    });
    return c.json({ exchange });
  });
  return app;
}
