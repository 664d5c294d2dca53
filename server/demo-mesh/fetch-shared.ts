import { discoveryTarget, findDiscovery, tokenRequestForm } from '../../src/protocol/index.ts';
import { OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import { headerPairs, signWithProfile } from '../../src/signing/index.ts';
import type { PeerNet } from './net.ts';
import { hostOf } from './peer-state.ts';
import type { FetchedResource, PeerState } from './types.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What alpha does with a webdav share it accepted (OCM §4, §6): find the sender's tokenEndPoint, exchange
 * the sharedSecret for a token with a signed request, and read the file with it. The outcome is kept on
 * the peer's state, and the sender sees the token request and the read arrive.
 */
export async function fetchShared(
  peer: PeerState,
  net: PeerNet,
  doc: Record<string, unknown>,
): Promise<FetchedResource> {
  const webdav = isObject(doc.protocol) && isObject(doc.protocol.webdav) ? doc.protocol.webdav : undefined;
  const sender = typeof doc.sender === 'string' ? doc.sender : '';
  const outcome: FetchedResource = {
    at: new Date().toISOString(),
    share: String(doc.name ?? ''),
    from: sender,
    tokenStatus: null,
    readStatus: null,
    bytes: null,
  };
  const done = (error?: string) => {
    if (error) outcome.error = error;
    peer.fetched.unshift(outcome);
    peer.fetched.length = Math.min(peer.fetched.length, 100);
    return outcome;
  };
  if (!webdav || typeof webdav.uri !== 'string' || typeof webdav.sharedSecret !== 'string')
    return done('the share offers no webdav uri and sharedSecret');
  const target = discoveryTarget(sender);
  const found = target.ok ? await findDiscovery((url) => net.fetchJson(url), target.bases) : undefined;
  if (!found?.ok) return done(`no discovery for the sender's host ${target.ok ? target.authority : sender}`);
  const discovery = found.doc;
  let uri = webdav.uri;
  if (!/^https?:\/\//.test(uri)) {
    const types = Array.isArray(discovery.resourceTypes) ? (discovery.resourceTypes as Record<string, unknown>[]) : [];
    const prefix = types
      .map((t) => (isObject(t.protocols) ? t.protocols.webdav : undefined))
      .find((p) => typeof p === 'string') as string | undefined;
    uri = `${new URL(String(discovery.endPoint)).origin}${prefix ?? '/'}${uri}`;
  }

  let bearer = webdav.sharedSecret;
  const required = Array.isArray(webdav.requirements) && webdav.requirements.includes('must-exchange-token');
  if (typeof discovery.tokenEndPoint === 'string') {
    const body = tokenRequestForm({ clientId: hostOf(peer), code: webdav.sharedSecret });
    const signed = await signWithProfile(
      {
        method: 'POST',
        url: discovery.tokenEndPoint,
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body,
      },
      OCM_RFC9421_PROFILE,
      { key: peer.key, keyid: peer.keyId },
    );
    if (!signed.ok) return done(`signing the token request failed: ${signed.error.message}`);
    const sent = await net.send({
      method: 'POST',
      url: discovery.tokenEndPoint,
      headers: headerPairs(signed.value.message.headers) as [string, string][],
      body,
    });
    if (!sent.ok) return done(`the token request failed: ${sent.error}`);
    outcome.tokenStatus = sent.response.status;
    try {
      const token = JSON.parse(sent.response.body) as { access_token?: unknown };
      if (sent.response.status === 200 && typeof token.access_token === 'string') bearer = token.access_token;
      else if (required)
        return done(`the token endpoint answered ${sent.response.status}: ${sent.response.body.slice(0, 200)}`);
    } catch {
      if (required) return done(`the token endpoint answered ${sent.response.status} with something that is not JSON`);
    }
  } else if (required) return done('the share requires the code flow but the sender publishes no tokenEndPoint');

  const read = await net.send({ method: 'GET', url: uri, headers: [['Authorization', `Bearer ${bearer}`]], body: '' });
  if (!read.ok) return done(`reading ${uri} failed: ${read.error}`);
  outcome.readStatus = read.response.status;
  outcome.bytes = Buffer.byteLength(read.response.body);
  return done(read.response.status === 200 ? undefined : `reading ${uri} answered ${read.response.status}`);
}
