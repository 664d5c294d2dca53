import type { Context } from 'hono';
import type { InboundEndpoint, InboundRecord, InboundResponse, Verification } from '../../src/contract/inbound.ts';
import type { Finding } from '../../src/contract/finding.ts';
import type { EventBus } from './event-bus.ts';
import { tooManyRequests, type PeerLimits } from '../guard/peer-limit.ts';
import { clientAddress } from '../guard/rate-limit.ts';
import { listed } from './list-page.ts';
import { verifiedSignerDomain } from './peer.ts';
import type { PolicyStore } from './policies.ts';
import { readRawRequest, type RawRequest } from './read-request.ts';
import { linkNotification, type ShareLinkDeps } from './share-links.ts';
import { signatureRefusal, specAnswer } from './spec-response.ts';
import type { InboxStore } from './store.ts';

export interface InboxDeps {
  store: InboxStore;
  bus: EventBus<InboundRecord>;
  policies: PolicyStore;
  /** Local user names that can receive shares. */
  recipients: readonly string[];
  /** True when the console advertises must-use-http-sig: the default policy then refuses unsigned shares and notifications. */
  requireSignature?: boolean;
  maxBodyBytes: number;
  /** Checks the signature(s) of what arrived; absent means signatures are not checked. */
  verify?: (request: RawRequest, doc: unknown) => Promise<Verification>;
  /** OCM lint of the parsed body; absent means no findings. */
  lint?: (endpoint: InboundEndpoint, doc: unknown, bodyEncoding?: 'json' | 'form') => Finding[] | Promise<Finding[]>;
  /** Answers a token request for a share the console sent out; undefined leaves it to the spec default. */
  exchangeCode?: (
    form: Record<string, unknown>,
    verification: Verification,
  ) => { status: number; body: unknown } | undefined;
  /** Answers an invite acceptance for the invites the console created; undefined leaves it to the spec default. */
  acceptInvite?: (doc: unknown) => { status: number; body: unknown } | undefined;
  /** Share states: notifications are linked to the share they name; absent means no linking. */
  shareLinks?: ShareLinkDeps;
  /** Calls a minute per address and per verified signer; absent means no limit. */
  limits?: PeerLimits;
}

/** An access token is a secret: the stored copy of the answer shows only its start. */
function maskTokens(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('access_token' in body)) return body;
  const token = String((body as { access_token: unknown }).access_token);
  return { ...body, access_token: `${token.slice(0, 6)}…(${token.length} characters, not stored)` };
}

const FORM = 'application/x-www-form-urlencoded';

/** What the body should be, by endpoint: the token endpoint takes an OAuth form, the rest JSON. */
function expectedType(endpoint: InboundEndpoint): string | null {
  if (endpoint === 'other') return null;
  return endpoint === 'token' ? FORM : 'application/json';
}

interface ParsedBody {
  doc?: unknown;
  /** How the body that was read is encoded. */
  encoding?: 'json' | 'form';
  problems: string[];
  /** Machine-readable reason the body could not be read, for the answer (§12: no special characters). */
  unreadable?: 'BODY_TOO_LARGE' | 'BODY_INCOMPLETE' | 'NOT_UTF8' | 'EMPTY_BODY' | 'NOT_JSON';
}

function parseBody(raw: RawRequest, endpoint: InboundEndpoint): ParsedBody {
  const problems: string[] = [];
  if (raw.bodyProblem) problems.push(raw.bodyProblem);
  const contentType = raw.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const expected = expectedType(endpoint);
  if (expected && mediaType !== expected) {
    problems.push(
      `Content-Type is ${contentType ? JSON.stringify(contentType) : 'missing'}; this endpoint expects ${expected}.`,
    );
  }
  if (raw.body.encoding !== 'utf8') {
    problems.push('The body is not valid UTF-8 text (stored as base64).');
    return { problems, unreadable: 'NOT_UTF8' };
  }
  const text = raw.body.data;
  if (raw.body.truncated || raw.bodyProblem)
    return { problems, unreadable: raw.body.truncated ? 'BODY_TOO_LARGE' : 'BODY_INCOMPLETE' };
  if (endpoint === 'other' && !text) return { problems };
  if (mediaType === FORM || (endpoint === 'token' && !text.trimStart().startsWith('{'))) {
    return { doc: Object.fromEntries(new URLSearchParams(text)), problems, encoding: 'form' };
  }
  if (!text.trim()) {
    problems.push('The body is empty.');
    return { problems, unreadable: 'EMPTY_BODY' };
  }
  try {
    return { doc: JSON.parse(text), problems, encoding: 'json' };
  } catch (err) {
    problems.push(`The body is not JSON: ${(err as Error).message}.`);
    return { problems, unreadable: 'NOT_JSON' };
  }
}

function hasSignature(raw: RawRequest): boolean {
  return raw.headers.some(([n]) => ['signature', 'signature-input'].includes(n.toLowerCase()));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Handles one call to the console's OCM endpoint: record it raw first, then read, verify and lint
 * it, answer by the endpoint's policy, and record the outcome. What a peer sends can never make this
 * throw past the recording: a failure in processing is kept on the record (stage 'error').
 */
export async function receive(c: Context, endpoint: InboundEndpoint, deps: InboxDeps): Promise<Response> {
  // A peer past its limit is answered before its body is read, and nothing is stored.
  const admitted = deps.limits?.address(clientAddress(c));
  if (admitted && !admitted.ok) return tooManyRequests(admitted);
  const raw = await readRawRequest(c, deps.maxBodyBytes);
  let record = deps.store.add({
    receivedAt: new Date().toISOString(),
    remoteAddress: raw.remoteAddress,
    method: raw.method,
    target: raw.target,
    endpoint,
    headers: raw.headers,
    body: raw.body,
    stage: 'received',
    problems: [],
  });
  deps.bus.publish('inbound', listed(record));

  let response: InboundResponse;
  // What goes over the wire when it differs from what is stored (a token is sent, but stored masked).
  let sent: string | undefined;
  let retryAfter: number | undefined;
  try {
    // Recording, parsing and linting a large body are separate turns of the event loop, so other requests
    // (a health check, a browser) are answered between them, not after all of them.
    await new Promise((next) => setImmediate(next));
    const { doc, problems, unreadable, encoding } = parseBody(raw, endpoint);
    const verification: Verification = deps.verify
      ? await deps.verify(raw, doc)
      : hasSignature(raw)
        ? { status: 'unchecked', summary: 'A signature was sent, but this server does not check signatures.' }
        : { status: 'unsigned', summary: 'No Signature header: the request is not signed.' };
    const findings = doc !== undefined && deps.lint ? await deps.lint(endpoint, doc, encoding) : undefined;
    const policy = deps.policies.get(endpoint);
    // A signer past its limit (from however many addresses) is refused before anything it asks is done.
    const signer = verifiedSignerDomain(verification);
    const signerAdmitted = signer ? deps.limits?.signer(signer) : undefined;
    if (signerAdmitted && !signerAdmitted.ok) {
      retryAfter = signerAdmitted.retryAfterSeconds;
      problems.push(signerAdmitted.why);
      response = {
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ message: 'TOO_MANY_REQUESTS', detail: signerAdmitted.why }),
        delayMs: 0,
        policy: 'spec',
      };
    } else if (policy.mode === 'custom') {
      response = {
        status: policy.status,
        contentType: policy.contentType,
        body: policy.body,
        delayMs: policy.delayMs,
        policy: 'custom',
      };
    } else {
      const exchanged =
        endpoint === 'token' && doc && typeof doc === 'object' && deps.exchangeCode
          ? deps.exchangeCode(doc as Record<string, unknown>, verification)
          : undefined;
      const answerContext = {
        endpoint,
        doc,
        unreadable: doc === undefined ? (unreadable ?? 'EMPTY_BODY') : undefined,
        recipients: deps.recipients,
        verification,
        requireSignature: deps.requireSignature,
        lenient: policy.mode === 'lenient',
      };
      // An acceptance whose signature fails is refused before the invite is touched.
      const invited =
        endpoint === 'invite-accepted' && doc !== undefined && deps.acceptInvite && !signatureRefusal(answerContext)
          ? deps.acceptInvite(doc)
          : undefined;
      const spec = exchanged ?? invited ?? specAnswer(answerContext);
      // A notification about a share, once signature and shape pass: linked to that share, answered for it.
      const linked =
        endpoint === 'notifications' && spec.status === 201 && deps.shareLinks
          ? linkNotification(deps.shareLinks, doc, record.id, record.receivedAt)
          : undefined;
      const answer = linked ?? spec;
      const status = raw.bodyProblem?.startsWith('Body too large') ? 413 : answer.status;
      const body = status === 413 ? { message: 'PAYLOAD_TOO_LARGE' } : answer.body;
      response = {
        status,
        contentType: 'application/json',
        body: JSON.stringify(body),
        delayMs: policy.delayMs ?? 0,
        policy: policy.mode,
      };
      if (exchanged) sent = JSON.stringify(body);
    }
    record = { ...record, stage: 'done', problems, verification, findings, response };
  } catch (err) {
    response = {
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ message: 'INTERNAL_ERROR' }),
      delayMs: 0,
      policy: 'spec',
    };
    record = { ...record, stage: 'error', problems: [`Processing failed: ${(err as Error).message}`], response };
  }
  if (sent !== undefined) {
    response = { ...response, body: JSON.stringify(maskTokens(JSON.parse(sent))) };
    record = { ...record, response };
  }
  deps.store.update(record);
  deps.bus.publish('inbound', listed(record));
  if (response.delayMs > 0) await sleep(response.delayMs);
  return new Response(response.status === 204 || response.status === 304 ? null : (sent ?? response.body), {
    status: response.status,
    headers: {
      'content-type': response.contentType,
      ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}),
    },
  });
}
