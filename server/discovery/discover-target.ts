import { explainRelayFailure, type DiscoverResult, type RelayFailure } from '../../src/contract/exchange.ts';
import {
  afterTransportFailure,
  discoveryTarget,
  DISCOVERY_PATHS,
  lint,
  sayOnce,
  sectionTitle,
  specRef,
  toWireFinding,
  type Scheme,
} from '../../src/protocol/index.ts';
import { exchangeRecord } from '../outbound/exchange-record.ts';
import { DOCUMENT_BYTES, type OutboundClient } from '../outbound/http-client.ts';

type Attempt = DiscoverResult['wellKnown'];
type Unreachable = NonNullable<DiscoverResult['unreachable']>[number];

/** A failure in a few words, for a list of candidates (the full message is on each attempt). */
function inBrief(failure: RelayFailure): string {
  const { title } = explainRelayFailure(failure);
  return failure.kind === 'tls' ? `${title.toLowerCase()}: ${failure.detail ?? failure.code}` : title.toLowerCase();
}

/**
 * Fetches `/.well-known/ocm`, and `/ocm-provider` when that gives no usable document, through the
 * guarded client; returns both raw answers and what the protocol core detects and finds. The target's
 * candidate bases (a bare host over both schemes) are asked in order: the next only when nothing answered
 * at one (refused, TLS, no connection in time), never because one answered 404 or 500. A spelled or
 * chosen scheme is the only candidate.
 */
export async function discoverTarget(
  client: OutboundClient,
  target: string,
  options: { ua?: string; scheme?: Scheme } = {},
): Promise<DiscoverResult | { error: string }> {
  const parsed = discoveryTarget(target, options.scheme);
  if (!parsed.ok) return { error: parsed.error };

  const attempt = async (base: string, path: string): Promise<Attempt> => {
    const url = `${base}${path}`;
    const headers: [string, string][] = [
      ['Host', new URL(base).host],
      ['Accept', 'application/json'],
    ];
    if (options.ua) headers.push(['User-Agent', options.ua]);
    const startedAt = new Date().toISOString();
    // A discovery document is a few KB: read (and decode) no more than the document limit.
    const result = await client.send({ method: 'GET', url, headers, maxResponseBytes: DOCUMENT_BYTES });
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
  const unreachable: Unreachable[] = [];
  let base = parsed.bases[0]!;
  let wellKnown!: Attempt;
  let after: ReturnType<typeof afterTransportFailure> = 'next-path';
  for (const [i, candidate] of parsed.bases.entries()) {
    base = candidate;
    wellKnown = await attempt(base, wellKnownPath);
    after = wellKnown.failure ? afterTransportFailure(wellKnown.failure) : 'next-path';
    if (after !== 'next-base' || i === parsed.bases.length - 1) break;
    unreachable.push({ base, url: wellKnown.url, failure: wellKnown.failure! });
  }
  const first = usable(wellKnown);
  let legacy: Attempt | null = null;
  let chosen: { doc?: unknown; problem?: string } = first;
  let answeredBy: DiscoverResult['answeredBy'] = first.doc !== undefined ? 'well-known' : null;
  // The legacy path is on the same host and port: not worth asking where nothing answered at all.
  if (first.doc === undefined && after === 'next-path') {
    legacy = await attempt(base, legacyPath);
    const second = usable(legacy);
    if (second.doc !== undefined) {
      chosen = second;
      answeredBy = 'legacy';
    } else
      // Two paths can fail the same way (a slow server): say it once.
      chosen = { problem: sayOnce(first.problem, second.problem) };
  }
  if (unreachable.length && chosen.doc === undefined) {
    const last =
      wellKnown.failure && after !== 'next-path' ? `${base}: ${inBrief(wellKnown.failure)}.` : chosen.problem;
    chosen = { problem: sayOnce(...unreachable.map((u) => `${u.base}: ${inBrief(u.failure)}.`), last) };
  }
  const result: DiscoverResult = {
    target,
    base,
    ...(unreachable.length ? { unreachable } : {}),
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
