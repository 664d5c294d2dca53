import type { InboundRecord } from '../../src/contract/inbound.ts';
import { interopGrade, type InteropReport, type InteropRequest, type InteropStep } from '../../src/contract/interop.ts';
import type { Exchange, RelayFailure } from '../../src/contract/exchange.ts';
import {
  buildInviteAccepted,
  discoveryTarget,
  findDiscovery,
  gradeCheckStep,
  gradeDiscoveryStep,
  gradeInviteByConsole,
  gradeInviteByPeer,
  gradeShareReceived,
  gradeShareSent,
  gradeTokenExchange,
  latestFromPeer,
  peerHost,
  readInvite,
  resourceUrlOf,
  shareOffer,
  signingChoiceFor,
  tokenEndpointOf,
  tokenRequestBody,
  type SigningChoice,
  type TokenEvidence,
} from '../../src/protocol/index.ts';
import { TOKEN_REQUEST_STYLES } from '../../src/protocol/endpoints.ts';
import { runCheck } from '../check/run-check.ts';
import { discoverTarget } from '../discovery/discover-target.ts';
import type { KeyStore } from '../identity/key-store.ts';
import { exchangeRecord } from '../outbound/exchange-record.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import type { ShareStore } from '../sharing/share-store.ts';
import { sendShare } from '../sharing/send-share.ts';
import { signOutbound } from '../signer/sign-outbound.ts';

export interface InteropDeps {
  client: OutboundClient;
  keys: KeyStore;
  /** The console's base URL as the peer reaches it; undefined from the command line (nothing can reach it). */
  consoleBase?: string;
  /** Where the console's own shares are kept (the share step); absent from the command line. */
  shares?: ShareStore;
  /** What peers sent the console, newest first; absent from the command line. */
  inbox?: () => InboundRecord[];
  /** The local user the console acts as (shares, invite acceptances). */
  user: string;
}

type Sent = { exchange?: Exchange; failure?: RelayFailure; problem?: string };

/** Sends one request, signed as the receiver's discovery says (RFC 9421, draft-cavage or its OCM-stub variant). */
async function send(
  deps: InteropDeps,
  req: { method: string; url: string; contentType?: string; body?: string; headers?: [string, string][] },
  choice: SigningChoice | undefined,
): Promise<Sent> {
  const body = req.body !== undefined ? new TextEncoder().encode(req.body) : undefined;
  let headers: [string, string][] = [['Host', new URL(req.url).host], ...(req.headers ?? [])];
  if (body)
    headers.push(['Content-Type', req.contentType ?? 'application/json'], ['Content-Length', String(body.byteLength)]);
  let signing: Exchange['signing'] = null;
  if (choice?.profile && body && deps.consoleBase) {
    const signed = await signOutbound({ method: req.method, url: req.url, headers, body }, choice.profile, deps.keys, {
      consoleBase: deps.consoleBase,
      ...(choice.variant ? { cavageVariant: choice.variant } : {}),
    });
    if (!signed.ok) return { problem: `Signing failed: ${signed.message}` };
    headers = signed.headers;
    signing = signed.record;
  }
  const startedAt = new Date().toISOString();
  const sent = { method: req.method, url: req.url, headers, ...(body ? { body } : {}) };
  const result = await deps.client.send(sent);
  if (!result.ok) return { failure: result.failure };
  return {
    exchange: exchangeRecord(sent, result, { startedAt, signing, notes: choice?.reason ? [choice.reason] : [] }),
  };
}

/**
 * The interop report of one peer: discovery and the check, then each flow the run is given what it needs for
 * (a share to an address at the peer, an invite the peer handed out), and what the peer sent the console
 * (its newest share, whose code is exchanged and file read, and its newest invite acceptance). The protocol
 * core grades every step (src/protocol/interop); this only runs the flows and keeps the exchanges.
 */
export async function runInterop(input: InteropRequest, deps: InteropDeps): Promise<InteropReport | { error: string }> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const discovery = await discoverTarget(deps.client, input.target);
  if ('error' in discovery) return discovery;
  const doc = discovery.document;
  const host = peerHost(discovery.base);
  const choice = signingChoiceFor(doc);
  const consoleHost = deps.consoleBase ? new URL(deps.consoleBase).host : undefined;
  const consoleAddress = consoleHost ? `${deps.user}@${consoleHost}` : 'a user of a running console';
  const notes: string[] = [];
  const steps: InteropStep[] = [gradeDiscoveryStep(discovery)];

  const check = await runCheck(input.target, {
    client: deps.client,
    keys: deps.keys,
    ...(deps.consoleBase ? { consoleBase: deps.consoleBase } : {}),
  });
  if (!('error' in check)) steps.push(gradeCheckStep(check));

  // The console shares with an address at the peer.
  if (input.shareTo && (!deps.consoleBase || !deps.shares))
    steps.push(
      gradeShareSent({
        to: input.shareTo,
        problem: 'Only a running console can share: the peer must reach it for the file.',
      }),
    );
  else if (input.shareTo) {
    const sent = await sendShare(
      { to: input.shareTo, from: deps.user },
      { outbound: deps.client, keys: deps.keys, shares: deps.shares!, consoleBase: deps.consoleBase! },
    );
    const sameHost = peerHost(input.shareTo.slice(input.shareTo.lastIndexOf('@') + 1)) === host;
    steps.push(
      gradeShareSent({
        to: input.shareTo,
        ...(sent.exchange ? { exchange: sent.exchange } : {}),
        ...(sent.failure ? { failure: sent.failure } : {}),
        ...(sent.problem ? { problem: sent.problem } : {}),
        ...(sameHost ? { choice } : {}),
      }),
    );
  } else steps.push(gradeShareSent({}));

  // What the peer shared with the console, and its code flow.
  const records = deps.inbox?.() ?? [];
  const received = latestFromPeer(records, 'shares', host);
  const offer = received ? shareOffer(received.doc) : undefined;
  const base = deps.consoleBase ?? 'http://console.invalid';
  steps.push(
    deps.inbox
      ? gradeShareReceived(received && offer ? { record: received.record, deviations: offer.deviations } : undefined, {
          consoleBase: base,
          consoleAddress,
        })
      : gradeShareReceived(undefined, { consoleBase: base, consoleAddress }),
  );
  steps.push(await tokenStep(input, deps, { doc, base: discovery.base, offer, choice, consoleHost }));

  // Invites both ways.
  steps.push(await inviteStep(input, deps, consoleHost));
  steps.push(
    gradeInviteByPeer(latestFromPeer(records, 'invite-accepted', host), { consoleBase: base, consoleAddress }),
  );
  if (!deps.consoleBase)
    notes.push(
      'Run from the command line: nothing can reach the console, so what the peer sends it (shares, invite ' +
        'acceptances) is not part of this report. Run it from a console (the Interop page) for those.',
    );
  return {
    target: input.target,
    base: discovery.base,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    grade: interopGrade(steps),
    steps,
    notes,
  };
}

async function tokenStep(
  input: InteropRequest,
  deps: InteropDeps,
  ctx: {
    doc: unknown;
    base: string;
    offer: ReturnType<typeof shareOffer> | undefined;
    choice: SigningChoice;
    consoleHost: string | undefined;
  },
): Promise<InteropStep> {
  const { offer } = ctx;
  const evidence: TokenEvidence = { deviations: [] };
  if (!offer) return gradeTokenExchange({ ...evidence, skip: true, notRun: 'Not run: no share from the peer yet.' });
  if (!offer.code)
    return gradeTokenExchange({
      ...evidence,
      skip: true,
      notRun: "Not run: the peer's share carries no code to exchange.",
    });
  const endpoint = tokenEndpointOf(ctx.doc, ctx.base);
  if (endpoint.deviation) evidence.deviations.push(endpoint.deviation);
  if (!endpoint.url)
    return gradeTokenExchange({ ...evidence, notRun: 'The peer sent a code but publishes no tokenEndPoint.' });
  const style = input.tokenStyle ?? 'oauth-form';
  const clientId = input.clientId ?? ctx.consoleHost ?? 'ocm-explorer.invalid';
  if (style === 'ocm-1.2-json')
    evidence.deviations.push(
      `The token request was written in the 1.2-era form, as chosen: ${TOKEN_REQUEST_STYLES[style]}.`,
    );
  if (input.clientId && input.clientId !== ctx.consoleHost)
    evidence.deviations.push(
      `client_id "${input.clientId}" was given for this run; draft-07 sends the receiver's own host (${ctx.consoleHost ?? '?'}).`,
    );
  const request = tokenRequestBody({ clientId, code: offer.code }, style);
  const token = await send(
    deps,
    {
      method: 'POST',
      url: endpoint.url,
      contentType: request.contentType,
      body: request.body,
      headers: [['Accept', 'application/json']],
    },
    ctx.choice,
  );
  if (token.problem) return gradeTokenExchange({ ...evidence, notRun: token.problem });
  evidence.token = token;
  evidence.choice = ctx.choice;
  evidence.style = TOKEN_REQUEST_STYLES[style];
  let accessToken: string | undefined;
  try {
    const body = JSON.parse(token.exchange?.response.body.data ?? '') as { access_token?: unknown };
    if (typeof body.access_token === 'string') accessToken = body.access_token;
  } catch {
    accessToken = undefined;
  }
  evidence.resource = offer.protocol === 'webapp' ? 'webapp' : offer.uri ? 'file' : 'none';
  if (accessToken && offer.uri && offer.protocol !== 'webapp') {
    const url = resourceUrlOf(offer.uri, ctx.doc, ctx.base);
    evidence.read = await send(
      deps,
      { method: 'GET', url, headers: [['Authorization', `Bearer ${accessToken}`]] },
      undefined,
    );
  }
  return gradeTokenExchange(evidence);
}

async function inviteStep(
  input: InteropRequest,
  deps: InteropDeps,
  consoleHost: string | undefined,
): Promise<InteropStep> {
  if (!input.invite) return gradeInviteByConsole({});
  const reading = readInvite(input.invite);
  if (!reading.ok) return gradeInviteByConsole({ invite: input.invite, reading });
  if (!deps.consoleBase || !consoleHost)
    return gradeInviteByConsole({
      invite: input.invite,
      reading,
      problem: 'Only a running console accepts invites: the peer must be able to reach it.',
    });
  // Every base the provider's name may be at (https and http), as a sending server tries them.
  const target = discoveryTarget(reading.providerDomain);
  if (!target.ok) return gradeInviteByConsole({ invite: input.invite, reading, problem: target.error });
  const provider = await findDiscovery((url) => deps.client.fetchJson(url), target.bases);
  if (!provider.ok)
    return gradeInviteByConsole({
      invite: input.invite,
      reading,
      problem: `No OCM discovery for ${reading.providerDomain} (${provider.tried.join('; ')}).`,
    });
  const built = buildInviteAccepted(
    provider.doc,
    { host: consoleHost, user: deps.user, origin: deps.consoleBase },
    {
      token: reading.token,
      email: `${deps.user}@${new URL(deps.consoleBase).hostname}`,
      name: `${deps.user.charAt(0).toUpperCase()}${deps.user.slice(1)} (OCM Explorer)`,
    },
  );
  if (!built.url)
    return gradeInviteByConsole({
      invite: input.invite,
      reading,
      problem: `The provider ${reading.providerDomain} publishes no endPoint: there is nowhere to send the acceptance.`,
    });
  const choice = signingChoiceFor(provider.doc);
  const sent = await send(deps, { method: 'POST', url: built.url, body: JSON.stringify(built.payload) }, choice);
  return gradeInviteByConsole({ invite: input.invite, reading, choice, deviations: built.notes, ...sent });
}
