import type { KeyMaterial } from '../../src/signing/index.ts';

/** The two dialects the embedded mesh speaks, after real deployments (ocm-protocol.md §2, §5). */
export type Dialect = 'ocm-1.5' | 'nextcloud-1.1';

export interface PeerSpec {
  id: string;
  /** Shown in discovery `provider` and in the console. */
  name: string;
  dialect: Dialect;
  /** Local users of the peer (share recipients and owners). */
  users: string[];
}

/** Misbehaviours a user can switch on to see what the console's doctor says about them. */
export interface Faults {
  /** Send a Content-Digest / Digest that does not match the body. */
  wrongDigest: boolean;
  /** Sign with `created` (or Date) ten minutes in the past. */
  staleCreated: boolean;
  /** Sign with a keyid that the peer's JWKS does not contain. */
  unknownKeyid: boolean;
  /** Answer every incoming OCM call with 500. */
  serverError: boolean;
  /** Answer every incoming OCM call after this many milliseconds. */
  slowMs: number;
  /** The web app answers `X-Frame-Options: DENY` (and no frame-ancestors). */
  webappXfoDeny: boolean;
  /** The web app answers CSP `frame-ancestors 'none'`. */
  webappNoFraming: boolean;
  /** Tokens for web app shares live 10 seconds (to see expired_session_redirect_uri at work). */
  webappShortToken: boolean;
  /** The web app refuses to run inside a frame (its page says so and shows nothing else). */
  webappRefuseFramed: boolean;
  /** The web app refuses every token it is POSTed. */
  webappRejectToken: boolean;
}

export const NO_FAULTS: Faults = {
  wrongDigest: false,
  staleCreated: false,
  unknownKeyid: false,
  serverError: false,
  slowMs: 0,
  webappXfoDeny: false,
  webappNoFraming: false,
  webappShortToken: false,
  webappRefuseFramed: false,
  webappRejectToken: false,
};

/** A share this peer created (it is the owner's server): what a receiver can exchange and read. */
export interface OutgoingShare {
  id: string;
  owner: string;
  shareWith: string;
  name: string;
  /** The resource's content, served over WebDAV. */
  content: string;
  protocol: 'webdav' | 'webapp';
  /** The sharedSecret: the code for the token exchange (or the legacy Basic credential). */
  secret: string;
  mustExchangeToken: boolean;
  createdAt: string;
}

export interface IssuedToken {
  token: string;
  shareId: string;
  /** Unix ms. */
  expiresAt: number;
}

/** What the peer received, verified or not, as it shows on its state page. */
export interface PeerReceived {
  at: string;
  method: string;
  path: string;
  verified: 'verified' | 'failed' | 'unsigned';
  summary: string;
  status: number;
  body: string;
  /** One of the console's Check probes (read from the body before any redaction), kept but told apart. */
  checkProbe: boolean;
}

export interface Invite {
  token: string;
  user: string;
  createdAt: string;
  acceptedBy?: string;
}

/** What a peer did with a share it received: the code flow and the read of the resource. */
export interface FetchedResource {
  at: string;
  share: string;
  from: string;
  /** Status of the token request (null when it could not be sent), then of the WebDAV GET. */
  tokenStatus: number | null;
  readStatus: number | null;
  bytes: number | null;
  error?: string;
}

export interface PeerState {
  spec: PeerSpec;
  /** http://127.0.0.1:<port>, known once listening. */
  origin: string;
  /** RFC 9421 key (alpha) or RSA key for draft-cavage and the legacy publicKey (legacy). */
  key: KeyMaterial;
  keyId: string;
  /** SPKI PEM of the RSA key, for the legacy publicKey. */
  publicKeyPem?: string;
  faults: Faults;
  shares: Map<string, OutgoingShare>;
  tokens: Map<string, IssuedToken>;
  invites: Map<string, Invite>;
  received: PeerReceived[];
  fetched: FetchedResource[];
}
