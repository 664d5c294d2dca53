import type { Context } from 'hono';
import type { AppGrant } from '../webapp-app/self-report-page.ts';
import { selfReportingAppPage } from '../webapp-app/self-report-page.ts';
import type { ShareStore } from './share-store.ts';

/** The permission the console's app grants: its shares are read-only text files. */
const PERMISSIONS = ['view'];

/**
 * The console's own web app for its web-app shares: the same self-reporting page as the demo peers'
 * apps, opened with a token from the console's token endpoint for one of its web-app shares. A token for
 * a WebDAV share, or for another share, does not open it.
 */
export function consoleAppPage(c: Context, shares: ShareStore, shareId: string): Promise<Response> {
  return selfReportingAppPage(c, {
    title: 'OCM Explorer viewer',
    reportName: 'OCM Explorer viewer',
    shareId,
    grantFor: (token): AppGrant | undefined => {
      const grant = shares.grantForToken(token);
      if (!grant || grant.share.protocol !== 'webapp') return undefined;
      const { share, expiresAt } = grant;
      return { shareId: share.id, name: share.name, content: share.content, permissions: PERMISSIONS, expiresAt };
    },
  });
}
