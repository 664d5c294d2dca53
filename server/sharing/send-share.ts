import type { Exchange, RelayFailure } from '../../src/contract/exchange.ts';
import { buildShare, discoveryTarget, findDiscovery, signingChoiceFor } from '../../src/protocol/index.ts';
import type { KeyStore } from '../identity/key-store.ts';
import { CONSOLE_PATHS, consoleAppPath } from '../console-paths.ts';
import { exchangeRecord } from '../outbound/exchange-record.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { signOutbound } from '../signer/sign-outbound.ts';
import type { ConsoleShare, ShareStore } from './share-store.ts';

export interface SendShareInput {
  to: string;
  from?: string;
  name?: string;
  content?: string;
  mustExchangeToken?: boolean;
  /** webdav (default): the file itself; webapp: the console's web app for it (draft-07 webapp protocol). */
  protocol?: 'webdav' | 'webapp';
  permissions?: Array<'read' | 'write' | 'share'>;
}

export interface SendShareResult {
  share?: Omit<ConsoleShare, 'secret'>;
  exchange?: Exchange;
  failure?: RelayFailure;
  problem?: string;
  notes: string[];
}

/**
 * The console shares a small text file (or its web app for that file) with an OCM address, as a real sending server does: discover
 * the receiver, build the share in its version and dialect, sign it the way it understands (RFC 9421
 * when it advertises http-sig, draft-cavage when it publishes a legacy publicKey), send it, and keep
 * the share so the receiver can exchange its code and read the file.
 */
export async function sendShare(
  input: SendShareInput,
  deps: { outbound: OutboundClient; keys: KeyStore; shares: ShareStore; consoleBase: string },
): Promise<SendShareResult> {
  if (input.to.lastIndexOf('@') <= 0)
    return { problem: `${JSON.stringify(input.to)} is not an OCM address (user@host).`, notes: [] };
  const target = discoveryTarget(input.to);
  if (!target.ok) return { problem: target.error, notes: [] };
  const host = target.authority;
  const found = await findDiscovery((url) => deps.outbound.fetchJson(url), target.bases);
  if (!found.ok) return { problem: `No OCM discovery at ${host} (${found.tried.join('; ')}).`, notes: [] };
  const discovery = found.doc;

  const consoleHost = new URL(deps.consoleBase).host;
  const from = input.from ?? 'alice';
  const name = input.name ?? 'hello.txt';
  const content =
    input.content ?? `Hello from OCM Explorer: ${name}, shared by ${from}@${consoleHost} with ${input.to}.\n`;
  const protocol = input.protocol ?? 'webdav';
  const share = deps.shares.create({
    owner: `${from}@${consoleHost}`,
    shareWith: input.to,
    name,
    content,
    protocol,
    mustExchangeToken: input.mustExchangeToken ?? true,
  });
  const built = buildShare(
    discovery,
    {
      host: consoleHost,
      user: from,
      displayName: `${from} (OCM Explorer)`,
      origin: deps.consoleBase,
      webdavPath: CONSOLE_PATHS.webdav,
    },
    {
      shareWith: input.to,
      name,
      providerId: share.id,
      sharedSecret: share.secret,
      mustExchangeToken: share.mustExchangeToken,
      protocols: [protocol],
      ...(input.permissions?.length ? { permissions: input.permissions } : {}),
      ...(protocol === 'webapp' ? { webappUri: `${deps.consoleBase}${consoleAppPath(share.id)}` } : {}),
    },
  );
  // The builder offers a web app only to a receiver that advertises webapp-receive, with its targets only;
  // when it leaves the web app out there is nothing left to send, and its note says why.
  const protocols = (built.payload as { protocol?: Record<string, unknown> }).protocol;
  if (protocol === 'webapp' && !protocols?.webapp) {
    deps.shares.discard(share.id);
    const why = built.notes.find((n) => n.startsWith('Left out webapp')) ?? `${host} cannot take a web-app share.`;
    return { problem: `Not sent: ${why}`, notes: built.notes };
  }
  if (!built.url) {
    deps.shares.discard(share.id);
    return { problem: `The discovery of ${host} has no endPoint to send the share to.`, notes: built.notes };
  }
  const url = new URL(built.url);
  const body = new TextEncoder().encode(JSON.stringify(built.payload));
  const headers: [string, string][] = [
    ['Host', url.host],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(body.byteLength)],
  ];
  const choice = signingChoiceFor(discovery);
  const profile = choice.profile;
  const notes = [...built.notes, choice.reason];
  let finalHeaders = headers;
  let signing: Exchange['signing'] = null;
  if (profile) {
    const signed = await signOutbound({ method: 'POST', url: url.href, headers, body }, profile, deps.keys, {
      consoleBase: deps.consoleBase,
      ...(choice.variant ? { cavageVariant: choice.variant } : {}),
    });
    if (!signed.ok) return { problem: `Signing failed: ${signed.message}`, notes };
    finalHeaders = signed.headers;
    signing = signed.record;
  }
  const startedAt = new Date().toISOString();
  const result = await deps.outbound.send({ method: 'POST', url: url.href, headers: finalHeaders, body });
  const { secret: _secret, ...visible } = share;
  if (!result.ok) {
    deps.shares.markSent(share.id, null);
    return { share: visible, failure: result.failure, notes };
  }
  deps.shares.markSent(share.id, result.response.status);
  const exchange = exchangeRecord({ method: 'POST', url: url.href, headers: finalHeaders, body }, result, {
    id: share.id,
    startedAt,
    signing,
    notes,
  });
  return { share: { ...visible, sentStatus: result.response.status }, exchange, notes };
}
