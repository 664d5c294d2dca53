import { resolve } from 'node:path';
import type { Unreadable } from '../src/contract/inbound.ts';
import { kidPrefixFor } from './app.ts';
import type { ServerConfig } from './config.ts';
import { KeyStore } from './identity/key-store.ts';
import { createInbox } from './inbox/index.ts';
import type { InboxDeps } from './inbox/receive.ts';
import type { ShareStateStore } from './inbox/share-states.ts';
import type { InboxStore } from './inbox/store.ts';
import { ShareStore } from './sharing/share-store.ts';
import { InviteStore } from './invites/invite-store.ts';

function line(what: string, unreadable: Unreadable): string {
  const count = unreadable.count === 1 ? '1 entry' : `${unreadable.count} entries`;
  return `${what}: ${count} could not be read and ${unreadable.count === 1 ? 'is' : 'are'} kept in ${unreadable.file} (${unreadable.firstError})`;
}

/**
 * What the server could not read from its data folder, one line per file, for its start-up output:
 * nothing kept on disk is dropped or replaced without a word. Empty when everything was read.
 */
export async function storageNotices(stores: {
  inbox: InboxStore;
  shares: ShareStore;
  invites?: InviteStore;
  shareStates?: ShareStateStore;
  keys: Promise<KeyStore>;
}): Promise<string[]> {
  const notices: string[] = [];
  const keys = await stores.keys.then(
    () => undefined,
    (err: Error) => err.message,
  );
  if (keys) notices.push(`keys: ${keys}`);
  const inbox = stores.inbox.unreadable;
  if (inbox) notices.push(`${line('inbox', inbox)}; the Inbox page says so too`);
  const shares = stores.shares.unreadable;
  if (shares) notices.push(line('shares', shares));
  const invites = stores.invites?.unreadable;
  if (invites) notices.push(line('invites', invites));
  const states = stores.shareStates?.unreadable;
  if (states) notices.push(line('share states', states));
  return notices;
}

/** The stores of the data folder, opened for createApp, with the notices about what could not be read. */
export async function openDataStores(config: ServerConfig): Promise<{
  inbox: InboxDeps;
  shares: ShareStore;
  invites: InviteStore;
  keys: Promise<KeyStore>;
  notices: string[];
}> {
  const dataDir = resolve(config.dataDir);
  const inbox = createInbox(config);
  const shares = new ShareStore(dataDir);
  const invites = new InviteStore(dataDir);
  const keys = KeyStore.open(dataDir, { kidPrefix: kidPrefixFor(config) });
  // The app reports a key store that failed on each request; here it is only read for the notice.
  keys.catch(() => undefined);
  return {
    inbox,
    shares,
    invites,
    keys,
    notices: await storageNotices({
      inbox: inbox.store,
      shares,
      invites,
      keys,
      ...(inbox.shareLinks ? { shareStates: inbox.shareLinks.states } : {}),
    }),
  };
}
