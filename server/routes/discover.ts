import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import type { DiscoverResult, Exchange } from '../../src/contract/exchange.ts';
import { lint, sectionTitle } from '../../src/protocol/index.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { responseRecord } from './relay.ts';

const isLoopbackOrIp = (host: string) => /^(localhost|127\.|\[|\d+\.\d+\.\d+\.\d+)/.test(host);

/** Reads what a user typed (host, URL or OCM address) as the base URL whose discovery to fetch. */
export function discoveryBase(target: string, scheme?: 'http' | 'https'): { base: string } | { error: string } {
  const trimmed = target.trim();
  if (!trimmed) return { error: 'Give a host, a URL or an OCM address.' };
  let hostPart = trimmed;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      return { base: scheme ? `${scheme}://${url.host}` : url.origin };
    } catch {
      return { error: `${trimmed} is not a valid URL.` };
    }
  }
  // An OCM address: the server is after the last @ (user names may contain @).
  if (hostPart.includes('@')) hostPart = hostPart.slice(hostPart.lastIndexOf('@') + 1);
  hostPart = hostPart.replace(/\/.*$/, '');
  try {
    const chosen = scheme ?? (isLoopbackOrIp(hostPart) ? 'http' : 'https');
    return { base: new URL(`${chosen}://${hostPart}`).origin };
  } catch {
    return { error: `${JSON.stringify(trimmed)} names no host.` };
  }
}

/**
 * Fetches `/.well-known/ocm`, and `/ocm-provider` when that gives no usable document, through the
 * guarded client; returns both raw answers and what the protocol core detects and finds.
 */
export async function discoverTarget(
  client: OutboundClient,
  target: string,
  options: { ua?: string; scheme?: 'http' | 'https' } = {},
): Promise<DiscoverResult | { error: string }> {
  const parsed = discoveryBase(target, options.scheme);
  if ('error' in parsed) return parsed;
  const { base } = parsed;
  const host = new URL(base).host;

  const attempt = async (path: string) => {
    const url = `${base}${path}`;
    const headers: [string, string][] = [
      ['Host', host],
      ['Accept', 'application/json'],
    ];
    if (options.ua) headers.push(['User-Agent', options.ua]);
    const startedAt = new Date().toISOString();
    const result = await client.send({ method: 'GET', url, headers });
    if (!result.ok) return { url, failure: result.failure };
    const exchange: Exchange = {
      id: randomUUID(),
      startedAt,
      request: { method: 'GET', url, headers },
      response: responseRecord(result.response),
      timing: result.timing,
      signing: null,
      insecureTls: false,
      notes: [],
    };
    return { url, exchange };
  };
  const usable = (a: Awaited<ReturnType<typeof attempt>>): { doc?: unknown; problem?: string } => {
    if (!a.exchange) return { problem: a.failure?.message };
    const { status, body } = a.exchange.response;
    if (status !== 200) return { problem: `${a.url} answered ${status}.` };
    if (body.encoding !== 'utf8') return { problem: `${a.url} answered a body that is not text.` };
    try {
      const doc: unknown = JSON.parse(body.data);
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        return { problem: `${a.url} answered JSON that is not an object.` };
      return { doc };
    } catch (err) {
      return { problem: `${a.url} answered something that is not JSON: ${(err as Error).message}` };
    }
  };

  const wellKnown = await attempt('/.well-known/ocm');
  const first = usable(wellKnown);
  let legacy: Awaited<ReturnType<typeof attempt>> | null = null;
  let chosen: { doc?: unknown; problem?: string } = first;
  let answeredBy: DiscoverResult['answeredBy'] = first.doc !== undefined ? 'well-known' : null;
  if (first.doc === undefined) {
    legacy = await attempt('/ocm-provider');
    const second = usable(legacy);
    if (second.doc !== undefined) {
      chosen = second;
      answeredBy = 'legacy';
    } else chosen = { problem: `${first.problem} ${second.problem}` };
  }
  const result: DiscoverResult = {
    target,
    base,
    wellKnown,
    legacy,
    answeredBy,
    document: chosen.doc ?? null,
    detected: null,
    findings: [],
  };
  if (chosen.doc === undefined) result.problem = chosen.problem ?? 'No usable discovery document.';
  else {
    const linted = lint('discovery', chosen.doc);
    result.detected = {
      version: linted.detected.version,
      versions: [...linted.detected.versions],
      dialect: linted.detected.dialect,
      evidence: linted.detected.evidence.map((e) => ({ path: e.path, reason: e.reason })),
    };
    result.findings = linted.findings.map((f) => ({
      severity: f.severity,
      path: f.path,
      code: f.code,
      message: f.message,
      ...(f.hint ? { hint: f.hint } : {}),
      specRef: { section: sectionTitle(f.specRef.section), url: f.specRef.url },
    }));
    if (answeredBy === 'legacy') {
      result.findings.unshift({
        severity: 'warning',
        path: '',
        code: 'discovery.legacy-only',
        message: `/.well-known/ocm gave no usable document (${first.problem}); only the legacy /ocm-provider answered.`,
        hint: 'Serve the document at /.well-known/ocm (since OCM 1.1).',
        specRef: { section: 'Discovery' },
      });
    }
  }
  return result;
}

/** GET /api/discover?target=…&ua=…&scheme=… */
export function discoverRoutes(client: OutboundClient): Hono {
  const app = new Hono();
  app.get('/api/discover', async (c) => {
    const schemeParam = c.req.query('scheme');
    const result = await discoverTarget(client, c.req.query('target') ?? '', {
      ...(c.req.query('ua') ? { ua: c.req.query('ua') } : {}),
      ...(schemeParam === 'http' || schemeParam === 'https' ? { scheme: schemeParam } : {}),
    });
    if ('error' in result) return c.json({ error: 'bad-request', message: result.error }, 400);
    return c.json(result);
  });
  return app;
}
