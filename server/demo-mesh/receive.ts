import type { Context } from 'hono';
import { readRawRequest } from '../inbox/read-request.ts';
import { localUserOf } from '../../src/protocol/index.ts';
import { redact } from '../../src/lib/redact.ts';
import { isCheckProbe } from '../../src/protocol/check-probe.ts';
import { verifyInbound } from '../signer/verify-inbound.ts';
import { fetchShared } from './fetch-shared.ts';
import type { PeerNet } from './net.ts';
import type { PeerState } from './types.ts';

const MAX_BODY = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Verified {
  status: 'verified' | 'failed' | 'unsigned';
  summary: string;
}

/** Reads and verifies an incoming call; answers 401 when the peer's criteria require a valid signature. */
export async function readVerified(c: Context, peer: PeerState, net: PeerNet) {
  const raw = await readRawRequest(c, MAX_BODY);
  const text = raw.body.encoding === 'utf8' ? raw.body.data : '';
  const url = `${peer.origin}${raw.target}`;
  let doc: unknown;
  try {
    doc =
      raw.body.encoding === 'utf8'
        ? raw.target.startsWith('/ocm/token')
          ? Object.fromEntries(new URLSearchParams(text))
          : JSON.parse(text)
        : undefined;
  } catch {
    doc = undefined;
  }
  const v = await verifyInbound({ method: raw.method, url, headers: raw.headers, body: raw.bytes }, net.fetchJson, {
    doc,
  });
  const verified: Verified = {
    status: v.status === 'verified' ? 'verified' : v.status === 'unsigned' ? 'unsigned' : 'failed',
    summary: v.summary,
  };
  // alpha advertises must-use-http-sig: unsigned and invalid requests are refused. legacy (a 1.1 server)
  // accepts unsigned calls but refuses a signature that does not verify, as Nextcloud does.
  const requireSignature = peer.spec.dialect === 'ocm-1.5';
  let refusal: { status: number; body: unknown } | undefined;
  if (verified.status === 'failed')
    refusal = { status: 401, body: { message: 'SIGNATURE_INVALID', detail: v.summary } };
  else if (verified.status === 'unsigned' && requireSignature)
    refusal = { status: 401, body: { message: 'SIGNATURE_REQUIRED' } };
  return { raw, text, verified, refusal };
}

function record(peer: PeerState, c: Context, verified: Verified, status: number, body: string) {
  peer.received.unshift({
    at: new Date().toISOString(),
    method: c.req.method,
    path: new URL(c.req.url).pathname,
    verified: verified.status,
    summary: verified.summary,
    status,
    // The log is for reading, not for replaying: secrets (sharedSecret, code, token…) are masked in it.
    body: redact(body),
    checkProbe: isCheckProbe({ path: new URL(c.req.url).pathname, body }),
  });
  peer.received.length = Math.min(peer.received.length, 200);
}

/** The peer's OCM endpoint: shares, notifications, invite acceptances and share requests, each verified first. */
export async function receiveOcm(
  c: Context,
  peer: PeerState,
  net: PeerNet,
  endpoint: 'shares' | 'notifications' | 'invite-accepted' | 'request-share',
) {
  const { faults } = peer;
  if (faults.slowMs > 0) await sleep(faults.slowMs);
  const { text, verified, refusal } = await readVerified(c, peer, net);
  const answer = (status: number, body: unknown) => {
    record(peer, c, verified, status, text);
    return c.json(body as object, status as 200);
  };
  if (faults.serverError) return answer(500, { message: 'INTERNAL_SERVER_ERROR' });
  if (refusal) return answer(refusal.status, refusal.body);

  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return answer(400, { message: 'INVALID_BODY', validationErrors: [{ name: 'body', message: 'NOT_JSON' }] });
  }
  if (!isObject(doc))
    return answer(400, { message: 'INVALID_BODY', validationErrors: [{ name: 'body', message: 'NOT_AN_OBJECT' }] });

  switch (endpoint) {
    case 'shares': {
      const shareWith = typeof doc.shareWith === 'string' ? doc.shareWith : '';
      const user = peer.spec.users.find((u) => u === localUserOf(shareWith));
      if (!user)
        return answer(400, {
          message: 'INVALID_PARAMETERS',
          validationErrors: [{ name: 'shareWith', message: 'NOT_FOUND' }],
        });
      if (peer.spec.dialect === 'ocm-1.5') {
        // Criterion must-exchange-token: every offered protocol must carry the requirement.
        const protocol = isObject(doc.protocol) ? doc.protocol : {};
        const offered = Object.entries(protocol).filter(([k, v]) => k !== 'name' && k !== 'options' && isObject(v));
        const lacking = offered.filter(
          ([, v]) =>
            !((v as Record<string, unknown>).requirements as unknown[] | undefined)?.includes('must-exchange-token'),
        );
        if (!offered.length || lacking.length) {
          return answer(400, {
            message: 'INVALID_PARAMETERS',
            validationErrors: [{ name: 'protocol', message: 'MUST_EXCHANGE_TOKEN' }],
          });
        }
      }
      // Like a real receiver, alpha then exchanges the code and reads the file (after answering). A web app
      // is opened by its user's browser, not read by the server: a web-app-only share is kept as it came.
      const offersFile = isObject(doc.protocol) && isObject(doc.protocol.webdav);
      if (peer.spec.dialect === 'ocm-1.5' && offersFile) {
        setTimeout(() => void fetchShared(peer, net, doc as Record<string, unknown>).catch(() => undefined), 0);
      }
      return answer(201, {
        recipientDisplayName: `${user.charAt(0).toUpperCase()}${user.slice(1)} at ${peer.spec.name}`,
      });
    }
    case 'notifications':
      if (typeof doc.notificationType !== 'string')
        return answer(400, {
          message: 'INVALID_PARAMETERS',
          validationErrors: [{ name: 'notificationType', message: 'REQUIRED' }],
        });
      return answer(201, {});
    case 'invite-accepted': {
      const invite = typeof doc.token === 'string' ? peer.invites.get(doc.token) : undefined;
      // legacy reads the acceptance as Nextcloud's controller names its parameter: userId, not the spec's userID.
      const nextcloud = peer.spec.dialect === 'nextcloud-1.1';
      const userId = nextcloud ? doc.userId : typeof doc.userID === 'string' ? doc.userID : doc.userId;
      if (nextcloud && typeof userId !== 'string')
        return answer(400, {
          message: 'INVALID_PARAMETERS',
          validationErrors: [{ name: 'userId', message: 'REQUIRED' }],
        });
      if (!invite) return answer(400, { message: 'TOKEN_INVALID_OR_UNKNOWN' });
      if (invite.acceptedBy) return answer(409, { message: 'INVITE_ALREADY_ACCEPTED' });
      invite.acceptedBy = `${String(userId)}@${String(doc.recipientProvider)}`;
      const name = `${invite.user.charAt(0).toUpperCase()}${invite.user.slice(1)}`;
      return answer(200, {
        userID: invite.user,
        email: `${invite.user}@${new URL(peer.origin).hostname}.example`,
        name,
      });
    }
    case 'request-share':
      return answer(201, {});
  }
}
