import type { DiscoverResult } from '../../src/contract/exchange.ts';
import {
  discoveryTarget,
  DISCOVERY_PATHS,
  lint,
  sectionTitle,
  specRef,
  toWireFinding,
  type Scheme,
} from '../../src/protocol/index.ts';
import { exchangeRecord } from '../outbound/exchange-record.ts';
import type { OutboundClient } from '../outbound/http-client.ts';

type Attempt = DiscoverResult['wellKnown'];

/**
 * Fetches `/.well-known/ocm`, and `/ocm-provider` when that gives no usable document, through the
 * guarded client, from the first base the protocol core reads the target as; returns both raw answers
 * and what the protocol core detects and finds.
 */
export async function discoverTarget(
  client: OutboundClient,
  target: string,
  options: { ua?: string; scheme?: Scheme } = {},
): Promise<DiscoverResult | { error: string }> {
  const parsed = discoveryTarget(target, options.scheme);
  if (!parsed.ok) return { error: parsed.error };
  const base = parsed.bases[0]!;
  const host = new URL(base).host;

  const attempt = async (path: string): Promise<Attempt> => {
    const url = `${base}${path}`;
    const headers: [string, string][] = [
      ['Host', host],
      ['Accept', 'application/json'],
    ];
    if (options.ua) headers.push(['User-Agent', options.ua]);
    const startedAt = new Date().toISOString();
    const result = await client.send({ method: 'GET', url, headers });
    if (!result.ok) return { url, failure: result.failure };
    return { url, exchange: exchangeRecord({ method: 'GET', url, headers }, result, { startedAt }) };
  };
  const usable = (a: Attempt): { doc?: unknown; problem?: string } => {
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

  const [wellKnownPath, legacyPath] = DISCOVERY_PATHS;
  const wellKnown = await attempt(wellKnownPath);
  const first = usable(wellKnown);
  let legacy: Attempt | null = null;
  let chosen: { doc?: unknown; problem?: string } = first;
  let answeredBy: DiscoverResult['answeredBy'] = first.doc !== undefined ? 'well-known' : null;
  if (first.doc === undefined) {
    legacy = await attempt(legacyPath);
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
    result.findings = linted.findings.map(toWireFinding);
    if (answeredBy === 'legacy') {
      result.findings.unshift({
        severity: 'warning',
        path: '',
        code: 'discovery.legacy-only',
        message: `${wellKnownPath} gave no usable document (${first.problem}); only the legacy ${legacyPath} answered.`,
        hint: `Serve the document at ${wellKnownPath} (since OCM 1.1).`,
        specRef: { section: sectionTitle('discovery'), url: specRef('discovery').url },
      });
    }
  }
  return result;
}
