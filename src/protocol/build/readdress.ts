// Which fields of a message name the user it is sent to, so that a message drafted for one receiver can be
// addressed to another without leaving a stale address behind (a share whose shareWith names another
// server is refused by its receiver: 400 shareWith NOT_FOUND).
import { addressAuthority, formatOcmAddress, parseOcmAddress } from '../address.ts';
import type { Kind } from '../kinds.ts';
import { isRecord } from '../lint/util.ts';

/** Per kind, the JSON paths of the fields that hold the receiving side's OCM address. */
const RECEIVER_ADDRESS_FIELDS: Partial<Record<Kind, readonly (readonly string[])[]>> = {
  // Share Creation Notification: shareWith is the receiving user.
  share: [['shareWith']],
  // A share request (-05/-06 /request-share) is sent to the owner, who is asked to share.
  'request-share': [['owner']],
};

export interface AddressChange {
  /** JSON Pointer of the field, e.g. "/shareWith". */
  path: string;
  from: string;
  to: string;
}

/** host[:port] of a target as typed: an OCM address, a URL or a bare host. */
function authorityOf(target: string): string | undefined {
  const text = target.trim();
  const address = parseOcmAddress(text);
  if (address.ok) return addressAuthority(address.address);
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).host || undefined;
  } catch {
    return undefined;
  }
}

function fieldsOf(kind: Kind, doc: unknown): Array<{ path: string; holder: Record<string, unknown>; key: string }> {
  const out: Array<{ path: string; holder: Record<string, unknown>; key: string }> = [];
  for (const fieldPath of RECEIVER_ADDRESS_FIELDS[kind] ?? []) {
    let holder: unknown = doc;
    for (const step of fieldPath.slice(0, -1)) holder = isRecord(holder) ? holder[step] : undefined;
    const key = fieldPath[fieldPath.length - 1]!;
    if (isRecord(holder) && typeof holder[key] === 'string') out.push({ path: `/${fieldPath.join('/')}`, holder, key });
  }
  return out;
}

/**
 * Addresses a drafted message (JSON text) to `target`: a full OCM address replaces each receiver field; a
 * bare host (or URL) keeps each field's user and moves it to that host. Undefined when the text is not a
 * JSON object; `changed` is empty when nothing needed to change.
 */
export function readdressDraft(
  kind: Kind,
  text: string,
  target: string,
): { text: string; changed: AddressChange[] } | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(doc)) return undefined;
  const full = parseOcmAddress(target);
  const authority = authorityOf(target);
  const changed: AddressChange[] = [];
  for (const { path, holder, key } of fieldsOf(kind, doc)) {
    const from = holder[key] as string;
    const current = parseOcmAddress(from);
    const to = full.ok ? full.text : current.ok && authority ? `${current.address.identifier}@${authority}` : undefined;
    if (to === undefined || to === from) continue;
    holder[key] = to;
    changed.push({ path, from, to });
  }
  return { text: changed.length ? `${JSON.stringify(doc, null, 2)}\n` : text, changed };
}

/** The receiver fields of a drafted message whose address is on another host than `target`'s. */
export function addressedElsewhere(
  kind: Kind,
  text: string,
  target: string,
): Array<{ path: string; address: string; host: string }> {
  const authority = authorityOf(target)?.toLowerCase();
  if (!authority) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  return fieldsOf(kind, doc).flatMap(({ path, holder, key }) => {
    const parsed = parseOcmAddress(holder[key] as string);
    if (!parsed.ok) return [];
    const host = addressAuthority(parsed.address);
    return host === authority ? [] : [{ path, address: formatOcmAddress(parsed.address), host }];
  });
}
