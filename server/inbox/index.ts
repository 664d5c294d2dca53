import { resolve } from 'node:path';
import type { Finding } from '../../src/contract/finding.ts';
import type { InboundEndpoint, InboundRecord } from '../../src/contract/inbound.ts';
import { lint, lintSteps, toWireFinding, type Kind } from '../../src/protocol/index.ts';
import { inboundRateLimitOf, type ServerConfig } from '../config.ts';
import { peerLimits } from '../guard/peer-limit.ts';
import { CONSOLE_CRITERIA } from '../identity/discovery.ts';
import { EventBus } from './event-bus.ts';
import { PolicyStore } from './policies.ts';
import type { InboxDeps } from './receive.ts';
import { ShareStateStore } from './share-states.ts';
import { InboxStore } from './store.ts';

const KIND_OF: Partial<Record<InboundEndpoint, Kind>> = {
  shares: 'share',
  notifications: 'notification',
  'invite-accepted': 'invite-accepted',
  token: 'token-request',
  'request-share': 'request-share',
};

/** OCM lint of what arrived, with each finding's spec section named for the browser. */
export function lintInbound(endpoint: InboundEndpoint, doc: unknown, bodyEncoding?: 'json' | 'form'): Finding[] {
  const kind = KIND_OF[endpoint];
  if (!kind) return [];
  return lint(kind, doc, bodyEncoding ? { bodyEncoding } : {}).findings.map(toWireFinding);
}

/**
 * The same lint, resumed on a later turn of the event loop after each pass over the document, so what
 * a peer sends (60,000 keys in a megabyte) never holds up other requests for more than one pass.
 */
export async function lintInboundSliced(
  endpoint: InboundEndpoint,
  doc: unknown,
  bodyEncoding?: 'json' | 'form',
): Promise<Finding[]> {
  const kind = KIND_OF[endpoint];
  if (!kind) return [];
  const steps = lintSteps(kind, doc, bodyEncoding ? { bodyEncoding } : {});
  for (;;) {
    await new Promise((next) => setImmediate(next));
    const step = steps.next();
    if (step.done) return step.value.findings.map(toWireFinding);
  }
}

/** The inbox of a server: records persisted under the data folder unless `persist` is false. */
export function createInbox(config: ServerConfig, options: { persist?: boolean } = {}): InboxDeps {
  const dir = options.persist === false ? undefined : resolve(config.dataDir);
  const store = new InboxStore({ dir, maxBytes: config.inboxMaxBytes, maxPeerBytes: config.inboxPeerMaxBytes });
  return {
    store,
    shareLinks: { inbox: store, states: new ShareStateStore(dir) },
    bus: new EventBus<InboundRecord>(),
    policies: new PolicyStore(dir),
    recipients: config.recipients,
    requireSignature: CONSOLE_CRITERIA.includes('must-use-http-sig'),
    maxBodyBytes: config.maxInboundBytes,
    lint: lintInboundSliced,
    limits: peerLimits(inboundRateLimitOf(config)),
  };
}
