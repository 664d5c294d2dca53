import type { CheckContext } from './context.ts';
import { checkCapabilities, checkCapabilityDependencies, checkCriteria } from './discovery-capabilities.ts';
import { checkDiscoveryKeys } from './discovery-keys.ts';
import { checkResourceTypes } from './discovery-resources.ts';
import { checkApiVersion, checkDiscoveryUrls } from './discovery-urls.ts';

export function checkDiscovery(ctx: CheckContext): void {
  if (ctx.doc.enabled === false)
    ctx.report('discovery.disabled', '/enabled', 'OCM is switched off on this server: peers will not send it shares.');
  checkDiscoveryUrls(ctx);
  checkApiVersion(ctx);
  checkResourceTypes(ctx);
  checkCapabilities(ctx);
  checkCriteria(ctx);
  checkCapabilityDependencies(ctx);
  checkDiscoveryKeys(ctx);
}
