// What the check asks a server, decided from its discovery: which probes to send, and their bodies.
// The server sends them (signed with the console's keys where it can) and hands the answers to grade.ts.
import type { DiscoverResult } from '../../contract/exchange.ts';
import { messageUrl, tokenRequestForm } from '../endpoints.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export interface CheckPlan {
  /** GET the JWK Set (http-sig advertised or a jwksUri published). */
  jwksUri?: string;
  /** Where the share probes go: `{endPoint}/shares`. */
  shareUrl?: string;
  /** Probe the signature policy (the server requires signatures): unsigned, and, when signing, wrong digest and stale. */
  signaturePolicy: boolean;
  /** Sign the invalid share (the server advertises http-sig and the console can sign). */
  signInvalidShare: boolean;
  /** Send a signed token request with a code never issued. */
  tokenEndPoint?: string;
}

/** The probes for a server, from its discovery; `canSign` is false when the target cannot reach the console's keys. */
export function checkPlan(discovery: DiscoverResult, canSign: boolean): CheckPlan {
  const doc = isObject(discovery.document) ? discovery.document : undefined;
  if (!doc) return { signaturePolicy: false, signInvalidShare: false };
  const capabilities = strings(doc.capabilities);
  const httpSig = capabilities.includes('http-sig');
  const shareUrl = typeof doc.endPoint === 'string' ? messageUrl(doc.endPoint, 'share') : undefined;
  // 1.2-era servers (the OCM-stub) publish tokenEndPoint as a path; it is read against the server's base.
  const absolute = (value: unknown): string | undefined => {
    if (typeof value !== 'string') return undefined;
    try {
      return new URL(value, discovery.base).href;
    } catch {
      return undefined;
    }
  };
  const tokenEndPoint = absolute(doc.tokenEndPoint);
  const jwksUri = absolute(doc.jwksUri);
  return {
    ...(jwksUri ? { jwksUri } : {}),
    ...(shareUrl ? { shareUrl } : {}),
    signaturePolicy: !!shareUrl && strings(doc.criteria).includes('must-use-http-sig'),
    signInvalidShare: !!shareUrl && canSign && httpSig,
    ...(capabilities.includes('exchange-token') && tokenEndPoint && canSign ? { tokenEndPoint } : {}),
  };
}

/**
 * The probes' bodies. They change nothing on the target: a share to a user that does not exist, the
 * same share without its required fields (still naming the console as owner and sender), and a token
 * request for a code never issued.
 */
export function checkProbeBodies(
  targetBase: string,
  console: { host: string; base?: string },
): { share: string; invalidShare: string; tokenForm: string } {
  const targetHost = new URL(targetBase).host;
  // Who the share is from: the console's own address, so a receiver finds the console's keys through the
  // console's discovery (draft-07 names the signer by the body's sender, the keyid's host is only a fallback).
  const attribution = {
    shareWith: `ocm-explorer-check-nobody@${targetHost}`,
    owner: `ocm-explorer-check@${console.host}`,
    sender: `ocm-explorer-check@${console.host}`,
  };
  return {
    share: JSON.stringify({
      ...attribution,
      name: 'ocm-explorer-check.txt',
      providerId: 'ocm-explorer-check',
      shareType: 'user',
      resourceType: 'file',
      protocol: {
        name: 'multi',
        webdav: {
          uri: `${console.base ?? 'https://ocm-explorer.invalid'}/ocm/webdav/none`,
          sharedSecret: 'not-a-real-secret',
          permissions: ['read'],
          requirements: ['must-exchange-token'],
        },
      },
    }),
    // Invalid only in its content (name, providerId, shareType, resourceType and protocol left out), yet
    // attributable, so a peer that verifies signatures gets as far as judging the body.
    invalidShare: JSON.stringify(attribution),
    tokenForm: tokenRequestForm({ clientId: console.host, code: 'ocm-explorer-check-never-issued' }),
  };
}
