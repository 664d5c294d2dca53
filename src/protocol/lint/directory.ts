import { readDirectory, type DirectoryReading } from '../directory.ts';
import type { Finding } from '../finding.ts';
import { directorySchema } from '../schemas/directory.ts';
import { atLeast, type Dialect, type SpecVersion } from '../versions.ts';
import { createContext, makeFinding, type CheckContext } from './context.ts';
import { schemaFindings } from './schema-findings.ts';
import { unknownFieldFindings } from './unknown-fields.ts';
import { checkHttpUrl, isRecord, quote } from './util.ts';

const SYMMETRIC = /^HS\d+$/;

/** What the envelope says: unsigned, the draft's decoded view, a malformed JWS, its algorithm, and that it is not verified here. */
function envelopeFindings(reading: DirectoryReading, version: SpecVersion): Finding[] {
  const out: Finding[] = [];
  if (reading.form === 'plain') {
    if (atLeast(version, '1.3'))
      out.push(
        makeFinding(
          'directory.unsigned',
          '',
          'This is plain JSON, not a JWS: the draft has a Directory Service publish a signed JWS, so a WAYF page can tell the list was not altered. Unsigned JSON is the form before that requirement (Dec 2025).',
          {
            hint: 'Publish the same JSON as the payload of a JWS (compact, or the flattened JSON form) signed with the federation key.',
          },
        ),
      );
    return out;
  }
  if (reading.form === 'jws-decoded') {
    out.push(
      makeFinding(
        'directory.jws-decoded',
        '',
        'This has the shape of the draft\'s own example: "payload" and "protected" written out as JSON and a placeholder signature. That is a decoded view of a JWS, not one: there are no bytes a signature covers, so it cannot be verified against any key.',
        {
          hint: 'Serve a compact JWS (header.payload.signature) or the flattened JSON form, where "payload" and "protected" are base64url strings.',
        },
      ),
    );
  }
  for (const p of reading.problems) out.push(makeFinding('directory.jws-malformed', p.path, p.message));
  const headerAt =
    reading.form === 'jws-general' ? '/signatures/0/protected' : reading.form === 'jws-compact' ? '' : '/protected';
  const alg = reading.header?.alg;
  if (reading.header || reading.form === 'jws-decoded') {
    if (typeof alg !== 'string' || alg === '')
      out.push(
        makeFinding(
          'directory.jws-alg',
          headerAt,
          'The protected header names no "alg": a verifier cannot tell how it was signed.',
        ),
      );
    else if (alg === 'none')
      out.push(
        makeFinding(
          'directory.jws-alg',
          headerAt,
          '"alg": "none" is an unsigned JWS: anyone on the path can change the list of servers.',
        ),
      );
    else if (SYMMETRIC.test(alg))
      out.push(
        makeFinding(
          'directory.jws-alg',
          headerAt,
          `"alg": ${quote(alg)} is a shared-secret MAC: every server that can check it can also forge the list. A federation key is asymmetric (e.g. ES256, EdDSA, RS256).`,
        ),
      );
  }
  if (reading.jws)
    out.push(
      makeFinding(
        'directory.signature-unverified',
        '',
        "The JWS is well formed but its signature was not checked here: a Directory Service's key is handed out out of band, never through discovery, and the linter has none.",
        {
          hint: 'Verify it with the federation key: Compose (message "Directory Service document") and Discover → "Compare several servers" take the key beside the document.',
        },
      ),
    );
  return out;
}

/** The listed servers: origin URLs without path, userinfo, query or fragment; no repeats. */
function checkServers(ctx: CheckContext): void {
  const servers = Array.isArray(ctx.doc.servers) ? ctx.doc.servers : undefined;
  if (servers && servers.length === 0)
    ctx.report(
      'directory.servers-empty',
      '/servers',
      'The directory lists no servers: a WAYF page built from it offers nothing.',
    );
  const seen = new Map<string, number>();
  servers?.forEach((server, i) => {
    if (!isRecord(server) || typeof server.url !== 'string' || server.url === '') return;
    const at = `/servers/${i}/url`;
    const checked = checkHttpUrl(server.url);
    if (!checked.ok) {
      ctx.report(
        'directory.server-url',
        at,
        `url ${quote(server.url)} is not an absolute URL with scheme https:// (or http:// for testing) and a host.`,
        { hint: 'e.g. "https://cloud.example.org" or "https://cloud.example.org:4443".' },
      );
      return;
    }
    const { url } = checked;
    const extras = [
      url.username || url.password ? 'userinfo' : '',
      url.pathname !== '/' ? `a path (${url.pathname})` : '',
      url.search ? 'a query' : '',
      url.hash ? 'a fragment' : '',
    ].filter(Boolean);
    if (extras.length)
      ctx.report(
        'directory.server-url',
        at,
        `url ${quote(server.url)} has ${extras.join(' and ')}; the draft lets a server's url carry only scheme, host and port (discovery is then read at /.well-known/ocm there).`,
        { hint: `Send "${url.origin}".` },
      );
    else if (!checked.https)
      ctx.report(
        'directory.server-url-http',
        at,
        `url ${quote(server.url)} uses plain http, which the draft allows for testing only.`,
      );
    const origin = url.origin.toLowerCase();
    const before = seen.get(origin);
    if (before !== undefined)
      ctx.report('directory.server-duplicate', at, `${quote(server.url)} is listed already at /servers/${before}.`);
    else seen.set(origin, i);
  });
}

/**
 * Lints a Directory Service document: the envelope (unsigned, the draft's decoded view, a malformed or
 * unsigned JWS), then the payload's schema, rules and unknown fields, with pointers into the payload.
 */
export function lintDirectory(
  doc: unknown,
  version: SpecVersion,
  dialect: Dialect,
): { findings: Finding[]; unknownUnlisted: number } {
  const reading = readDirectory(doc);
  const findings = envelopeFindings(reading, version);
  const payload = reading.payload;
  if (!isRecord(payload)) {
    if (reading.problems.some((p) => p.path === '' || p.path === '/payload')) return { findings, unknownUnlisted: 0 };
    findings.push(
      makeFinding(
        'doc.not-object',
        reading.at,
        `A Directory Service payload is a JSON object {federation, servers}; this is ${typeof payload === 'string' ? 'text' : Array.isArray(payload) ? 'an array' : String(payload)}.`,
      ),
    );
    return { findings, unknownUnlisted: 0 };
  }
  const inner: Finding[] = [...schemaFindings('directory', directorySchema, payload)];
  checkServers(createContext(payload, version, dialect, inner));
  const explained = new Set(inner.map((f) => f.path));
  const unknown = unknownFieldFindings('directory', directorySchema, payload, explained);
  inner.push(...unknown.findings);
  findings.push(...inner.map((f) => ({ ...f, path: `${reading.at}${f.path}` })));
  return { findings, unknownUnlisted: unknown.unlisted };
}
