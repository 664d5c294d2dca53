import type { Context } from 'hono';

export interface DavFile {
  name: string;
  content: string;
  createdAt: string;
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Answers PROPFIND (depth 0), GET and HEAD for one shared file; other methods get 405. */
export function davResponse(c: Context, file: DavFile): Response {
  const bytes = Buffer.byteLength(file.content);
  if (c.req.method === 'PROPFIND') {
    const href = new URL(c.req.url).pathname;
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
  <d:response>
    <d:href>${xmlEscape(href)}</d:href>
    <d:propstat>
      <d:prop>
        <d:displayname>${xmlEscape(file.name)}</d:displayname>
        <d:getcontentlength>${bytes}</d:getcontentlength>
        <d:getcontenttype>text/plain</d:getcontenttype>
        <d:getlastmodified>${new Date(file.createdAt).toUTCString()}</d:getlastmodified>
        <d:resourcetype/>
      </d:prop>
      <d:status>HTTP/1.1 200 OK</d:status>
    </d:propstat>
  </d:response>
</d:multistatus>
`;
    return c.body(xml, 207, { 'content-type': 'application/xml; charset=utf-8' });
  }
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    c.header('content-type', 'text/plain; charset=utf-8');
    return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(file.content, 200);
  }
  c.header('allow', 'PROPFIND, GET, HEAD');
  return c.text('Only PROPFIND, GET and HEAD are served for shared files.', 405);
}

/** The bearer token or Basic user name of a request (legacy WebDAV sends the secret as Basic user). */
export function credentialOf(c: Context): { kind: 'bearer' | 'basic'; value: string } | undefined {
  const auth = c.req.header('authorization') ?? '';
  const bearer = /^bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
  if (bearer) return { kind: 'bearer', value: bearer };
  const basic = /^basic\s+(.+)$/i.exec(auth)?.[1];
  if (basic) return { kind: 'basic', value: Buffer.from(basic, 'base64').toString('utf8').split(':')[0] ?? '' };
  return undefined;
}
