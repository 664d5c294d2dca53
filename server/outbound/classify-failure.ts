import type { RelayFailure } from '../../src/contract/exchange.ts';

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function codeOf(err: unknown): string {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; i < 4 && e; i++) {
    if (e.code && e.code !== 'UND_ERR_CONNECT') return e.code;
    e = e.cause as typeof e;
  }
  return (err as { code?: string })?.code ?? 'UNKNOWN';
}

function messageOf(err: unknown): string {
  const e = err as { message?: string; cause?: { message?: string } };
  return e?.cause?.message ?? e?.message ?? String(err);
}

/** Turns a transport error from the HTTP client into one case of the closed RelayFailure union. */
export function classifyFailure(
  err: unknown,
  ctx: { host: string; address: string; elapsedMs: number; totalTimeoutMs: number },
): RelayFailure {
  const code = codeOf(err);
  const message = messageOf(err);
  if (code === 'EBLOCKED')
    return {
      kind: 'blocked',
      reason: message,
      message,
      ...((err as { address?: string }).address ? { address: (err as { address: string }).address } : {}),
    };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'ENODATA') {
    return { kind: 'dns', host: ctx.host, code, message: `${ctx.host} could not be resolved (${code}).` };
  }
  if (code === 'ECONNREFUSED')
    return { kind: 'refused', address: ctx.address, message: `${ctx.address} refused the connection.` };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT')
    return {
      kind: 'timeout',
      phase: 'connect',
      afterMs: Math.round(ctx.elapsedMs),
      message: `No connection to ${ctx.address} within the connect timeout.`,
    };
  if (code === 'UND_ERR_HEADERS_TIMEOUT')
    return {
      kind: 'timeout',
      phase: 'headers',
      afterMs: Math.round(ctx.elapsedMs),
      message: 'Connected, but no response headers arrived in time.',
    };
  if (code === 'UND_ERR_BODY_TIMEOUT')
    return {
      kind: 'timeout',
      phase: 'body',
      afterMs: Math.round(ctx.elapsedMs),
      message: 'The response body stopped arriving.',
    };
  if (
    code === 'ABORT_ERR' ||
    code === 'UND_ERR_ABORTED' ||
    (err as Error)?.name === 'TimeoutError' ||
    (err as Error)?.name === 'AbortError'
  ) {
    return {
      kind: 'timeout',
      phase: 'total',
      afterMs: Math.round(ctx.elapsedMs),
      message: `The exchange took longer than ${ctx.totalTimeoutMs} ms.`,
    };
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return { kind: 'too-large', which: 'response', limit: 0, message };
  if (TLS_CODES.test(code))
    return { kind: 'tls', code, detail: message, message: `TLS with ${ctx.host} failed: ${message}` };
  return { kind: 'network', code, message: `The connection to ${ctx.address} failed: ${message} (${code}).` };
}
