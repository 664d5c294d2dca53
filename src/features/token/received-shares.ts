import type { InboundRecord } from '../../contract/inbound.ts';
import { shareOffer } from '../../protocol/interop/share-offer.ts';

/** A share the console received that offers a code to exchange. */
export interface ReceivedShare {
  recordId: string;
  receivedAt: string;
  name: string;
  sender: string;
  code: string;
  /** The resource to open with the token (absolute, or relative to the sender's webdav path). */
  uri?: string;
  protocol: 'webdav' | 'webapp' | 'legacy';
  mustExchangeToken: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the shares out of inbox records (newest first); records that are not shares or carry no code are skipped. */
export function receivedShares(records: InboundRecord[]): ReceivedShare[] {
  const out: ReceivedShare[] = [];
  for (const r of records) {
    if (r.endpoint !== 'shares' || r.body.encoding !== 'utf8') continue;
    let doc: unknown;
    try {
      doc = JSON.parse(r.body.data);
    } catch {
      continue;
    }
    if (!isObject(doc) || !isObject(doc.protocol)) continue;
    const sender = typeof doc.sender === 'string' ? doc.sender : typeof doc.owner === 'string' ? doc.owner : '';
    const base = { recordId: r.id, receivedAt: r.receivedAt, name: String(doc.name ?? '(unnamed)'), sender };
    const p = doc.protocol;
    // For webdav, the core's reading: a 1.2-era sender (the OCM-stub) puts the code in a top-level "code"
    // (its webdav secret is not the code) and the resource in "URI".
    const offer = shareOffer(doc);
    for (const kind of ['webdav', 'webapp'] as const) {
      const entry = p[kind];
      if (isObject(entry) && typeof entry.sharedSecret === 'string') {
        const requirements = Array.isArray(entry.requirements) ? entry.requirements : [];
        const webdav = kind === 'webdav' && offer.code !== undefined;
        const uri = webdav ? offer.uri : typeof entry.uri === 'string' ? entry.uri : undefined;
        out.push({
          ...base,
          code: webdav ? offer.code! : entry.sharedSecret,
          ...(uri ? { uri } : {}),
          protocol: kind,
          mustExchangeToken: requirements.includes('must-exchange-token'),
        });
      }
    }
    if (isObject(p.options) && typeof p.options.sharedSecret === 'string')
      out.push({ ...base, code: p.options.sharedSecret, protocol: 'legacy', mustExchangeToken: false });
  }
  return out;
}
