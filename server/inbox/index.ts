import { resolve } from 'node:path';
import type { InboundRecord } from '../../src/contract/inbound.ts';
import type { ServerConfig } from '../config.ts';
import { EventBus } from './event-bus.ts';
import { PolicyStore } from './policies.ts';
import type { InboxDeps } from './receive.ts';
import { InboxStore } from './store.ts';

/** The inbox of a server: records persisted under the data folder unless `persist` is false. */
export function createInbox(config: ServerConfig, options: { persist?: boolean } = {}): InboxDeps {
  const dir = options.persist === false ? undefined : resolve(config.dataDir);
  return {
    store: new InboxStore({ dir }),
    bus: new EventBus<InboundRecord>(),
    policies: new PolicyStore(dir),
    recipients: config.recipients,
    maxBodyBytes: config.maxInboundBytes,
  };
}
