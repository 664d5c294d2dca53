// What a peer sent the console, as the interop report shows it: the inbox record from that peer, and the
// record as an exchange (request as received, the console's answer), so the report has one kind of evidence.
import type { Exchange } from '../../contract/exchange.ts';
import type { InboundEndpoint, InboundRecord } from '../../contract/inbound.ts';
import { signerDomainOf } from '../signer-domain.ts';

/** A host as compared for "the same peer": lower case, without the scheme's default port. */
export function peerHost(hostOrUrl: string): string {
  const text = hostOrUrl.trim().toLowerCase();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).host;
  } catch {
    return text;
  }
}

function bodyDoc(record: InboundRecord): unknown {
  if (record.body.encoding !== 'utf8') return undefined;
  try {
    return JSON.parse(record.body.data) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The newest record at `endpoint` whose signer's domain (from the body, as draft-07's Signing Direction Index
 * lists it: `sender` for a share, `recipientProvider` for an invite acceptance) is the peer's host.
 * `records` are newest first, as the inbox lists them.
 */
export function latestFromPeer(
  records: readonly InboundRecord[],
  endpoint: InboundEndpoint,
  host: string,
): { record: InboundRecord; doc: unknown } | undefined {
  const want = peerHost(host);
  for (const record of records) {
    if (record.endpoint !== endpoint) continue;
    const doc = bodyDoc(record);
    const domain = signerDomainOf(doc);
    if (domain && peerHost(domain) === want) return { record, doc };
  }
  return undefined;
}

/** An inbox record as an exchange: the request as the peer sent it, and the answer the console gave. */
export function inboundAsExchange(record: InboundRecord, consoleBase: string): Exchange {
  const answer = record.response;
  return {
    id: record.id,
    startedAt: record.receivedAt,
    request: {
      method: record.method,
      url: `${consoleBase.replace(/\/+$/, '')}${record.target}`,
      headers: record.headers,
      body: record.body,
    },
    response: {
      status: answer?.status ?? 0,
      statusText: '',
      headers: answer ? [['content-type', answer.contentType]] : [],
      body: { encoding: 'utf8', data: answer?.body ?? '', size: answer?.body.length ?? 0, truncated: false },
    },
    timing: { dns: null, connect: null, tls: null, firstByte: null, total: answer?.delayMs ?? 0 },
    signing: null,
    insecureTls: false,
    notes: [
      `Received by the console from the peer (inbox record ${record.id}); signature: ${record.verification?.summary ?? 'not checked'}`,
    ],
  };
}
