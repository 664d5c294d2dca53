import type { InboundRecord } from '../src/contract/inbound.ts';
import { checkAppUri, exactAppOrigin, webappShareOf } from '../src/protocol/webapp.ts';
import { decodeComponent } from './guard/path-encoding.ts';
import type { LabOrigins } from './static.ts';

/**
 * The app origin the webapp lab's page may frame and POST to: the web app of the received share named in
 * the path (`/webapp/<inbox record id>`), or the one origin given as `?app=` when fields are typed by hand.
 * Anything that is not exactly one http(s) origin (no `*`, `;`, path or space) opens nothing.
 */
export function labOriginsFrom(inbox: { get(id: string): InboundRecord | undefined }): LabOrigins {
  return (path, query) => {
    const origins = new Set<string>();
    const id = /^\/webapp\/([^/]+)/.exec(path)?.[1];
    const key = id ? decodeComponent(id) : undefined;
    const record = key ? inbox.get(key) : undefined;
    if (record?.endpoint === 'shares' && record.body.encoding === 'utf8') {
      try {
        const found = webappShareOf(JSON.parse(record.body.data));
        const uri = found.ok ? checkAppUri(found.share.uri) : undefined;
        if (uri?.ok) origins.add(uri.origin);
      } catch {
        // not JSON: nothing to open
      }
    }
    const app = query.get('app');
    const typed = app ? exactAppOrigin(app) : undefined;
    if (typed?.ok) origins.add(typed.origin);
    return [...origins];
  };
}
