import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../private-files.ts';
import { safeParse } from 'zod/mini';
import {
  inboxPoliciesSchema,
  type InboundEndpoint,
  type InboxPolicies,
  type InboxPolicy,
} from '../../src/contract/inbound.ts';

/** Per-endpoint answers chosen by the user, kept in the data folder so they survive a restart. */
export class PolicyStore {
  private policies: InboxPolicies = {};
  private readonly file?: string;

  constructor(dir?: string) {
    if (!dir) return;
    this.file = join(dir, 'inbox-policies.json');
    if (existsSync(this.file)) {
      const parsed = safeParse(inboxPoliciesSchema, JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) this.policies = parsed.data;
    }
  }

  get(endpoint: InboundEndpoint): InboxPolicy {
    return this.policies[endpoint] ?? { mode: 'spec' };
  }

  all(): InboxPolicies {
    return { ...this.policies };
  }

  set(endpoint: InboundEndpoint, policy: InboxPolicy): void {
    if (policy.mode === 'spec' && !policy.delayMs) delete this.policies[endpoint];
    else this.policies[endpoint] = policy;
    if (this.file) writePrivateFile(this.file, JSON.stringify(this.policies, null, 2));
  }
}
