import type { Exchange, RelayRequest } from './exchange.ts';

/** Headers the relay sets itself on every request: never sent from a replay. */
const RELAY_SETS = new Set(['host', 'content-length']);

/**
 * The relay request that sends a recorded exchange again. A signed exchange is signed again (same
 * profile, the console's active key, a fresh `created`): the headers the signer added are left out, so
 * the relay adds new ones after the final headers are fixed. A deliberate fault in the signature is made
 * again too, so a negative test replays as one; `withoutFault` sends it clean.
 */
export function replayRequest(exchange: Exchange, options: { withoutFault?: boolean } = {}): RelayRequest {
  const added = new Set((exchange.signing?.added ?? []).map(([name]) => name.toLowerCase()));
  const headers = exchange.request.headers.filter(
    ([name]) => !RELAY_SETS.has(name.toLowerCase()) && !added.has(name.toLowerCase()),
  );
  const body = exchange.request.body;
  return {
    method: exchange.request.method,
    url: exchange.request.url,
    headers,
    ...(body && body.size > 0 ? { body: { encoding: body.encoding, data: body.data } } : {}),
    sign: exchange.signing ? (exchange.signing.profile === 'rfc9421' ? 'ocm' : 'cavage') : 'none',
    ...(exchange.insecureTls ? { insecureTls: true } : {}),
    ...(exchange.signing?.fault && !options.withoutFault ? { fault: exchange.signing.fault } : {}),
  };
}
