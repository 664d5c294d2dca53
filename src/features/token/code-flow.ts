import { discover, sendViaRelay } from '../../api/relay.ts';
import type { DiscoverResult, RelayResult } from '../../contract/exchange.ts';
import { tokenRequestBody, type TokenRequestStyle } from '../../protocol/endpoints.ts';

export interface FlowInput {
  sender: string;
  code: string;
  uri: string;
  clientId: string;
  /** draft-cavage as Nextcloud signs it, or in the OCM-stub's variant (bare-host keyId, values only). */
  sign: 'ocm' | 'cavage' | 'cavage-stub' | 'none';
  /** How the token request is written; the 1.2-era JSON form is a named compatibility choice. */
  tokenStyle?: TokenRequestStyle;
  /** The uri is a web app's: it is opened by the browser with a POSTed form, never read with PROPFIND. */
  webapp?: boolean;
}

export interface FlowStep {
  title: string;
  result?: RelayResult;
  /** What this step concluded, or why it could not go on. */
  summary: string;
  ok: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The sender's token endpoint, and the absolute URL of a relative webdav uri, from its discovery. */
export function endpointsFrom(
  result: DiscoverResult,
  uri: string,
): { tokenEndPoint?: string; resource?: string; note?: string } {
  const doc = isObject(result.document) ? result.document : undefined;
  if (!doc) return { note: result.problem ?? 'The sender has no usable discovery document.' };
  const endPoint = typeof doc.endPoint === 'string' ? doc.endPoint.replace(/\/+$/, '') : undefined;
  // 1.2-era servers (the OCM-stub) publish a path ("/ocm/token"); it is read against the sender's base.
  const published = typeof doc.tokenEndPoint === 'string' ? new URL(doc.tokenEndPoint, result.base).href : undefined;
  const tokenEndPoint = published ?? (endPoint ? `${endPoint}/token` : undefined);
  let resource = uri;
  if (uri && !/^https?:\/\//i.test(uri)) {
    const types = Array.isArray(doc.resourceTypes) ? doc.resourceTypes : [];
    const prefix = types
      .map((t) => (isObject(t) && isObject(t.protocols) ? t.protocols.webdav : undefined))
      .find((p): p is string => typeof p === 'string');
    resource = `${result.base}${(prefix ?? '/').replace(/\/?$/, '/')}${uri}`;
  }
  return {
    ...(tokenEndPoint ? { tokenEndPoint } : {}),
    ...(resource ? { resource } : {}),
    ...(typeof doc.tokenEndPoint === 'string'
      ? {}
      : { note: 'The sender publishes no tokenEndPoint; trying {endPoint}/token as 1.2 servers did.' }),
  };
}

/**
 * OCM §6 by hand: find the sender's token endpoint, exchange the code for a bearer token with a signed
 * form POST through the relay, then PROPFIND and GET the resource with the token. Each step reports
 * what it saw; a failed step stops the flow and says why.
 */
export async function runCodeFlow(input: FlowInput, onStep: (steps: FlowStep[]) => void): Promise<FlowStep[]> {
  const steps: FlowStep[] = [];
  const push = (step: FlowStep) => {
    steps.push(step);
    onStep([...steps]);
    return step.ok;
  };
  let found;
  try {
    found = endpointsFrom(await discover(input.sender), input.uri);
  } catch (err) {
    push({ title: 'Discovery of the sender', summary: (err as Error).message, ok: false });
    return steps;
  }
  if (
    !push({
      title: 'Discovery of the sender',
      summary: found.tokenEndPoint
        ? `Token endpoint: ${found.tokenEndPoint}${found.note ? ` (${found.note})` : ''}`
        : (found.note ?? 'No token endpoint found.'),
      ok: !!found.tokenEndPoint,
    })
  )
    return steps;

  const request = tokenRequestBody({ clientId: input.clientId, code: input.code }, input.tokenStyle);
  const exchange = await sendViaRelay({
    method: 'POST',
    url: found.tokenEndPoint!,
    headers: [
      ['Content-Type', request.contentType],
      ['Accept', 'application/json'],
    ],
    body: { encoding: 'utf8', data: request.body },
    ...(input.sign === 'cavage-stub' ? { sign: 'cavage', cavageVariant: 'ocm-stub' } : { sign: input.sign }),
  });
  let token: string | undefined;
  let summary: string;
  if ('failure' in exchange) summary = exchange.failure.message;
  else {
    const { status, body } = exchange.exchange.response;
    try {
      const parsed = JSON.parse(body.data) as Record<string, unknown>;
      if (status === 200 && typeof parsed.access_token === 'string') {
        token = parsed.access_token;
        summary = `Got a ${String(parsed.token_type ?? 'bearer')} token${typeof parsed.expires_in === 'number' ? `, valid ${parsed.expires_in} s` : ''}.`;
      } else
        summary = `The token endpoint answered ${status}${typeof parsed.error === 'string' ? ` with error "${parsed.error}"` : ''}.`;
    } catch {
      summary = `The token endpoint answered ${status} with something that is not JSON.`;
    }
  }
  if (!push({ title: 'Code exchanged for a token', result: exchange, summary, ok: !!token })) return steps;
  if (input.webapp) {
    push({
      title: 'Web app',
      summary:
        'A web app is not read with PROPFIND: the browser POSTs the token to its uri in a form. Open it in the webapp lab.',
      ok: true,
    });
    return steps;
  }
  if (!found.resource) {
    push({ title: 'Resource', summary: 'No resource URI to open.', ok: false });
    return steps;
  }
  for (const method of ['PROPFIND', 'GET'] as const) {
    const read = await sendViaRelay({
      method,
      url: found.resource,
      headers: [
        ['Authorization', `Bearer ${token}`],
        ...(method === 'PROPFIND' ? ([['Depth', '0']] as [string, string][]) : []),
      ],
    });
    const status = 'exchange' in read ? read.exchange.response.status : undefined;
    const ok = status !== undefined && status < 300;
    const text =
      'failure' in read
        ? read.failure.message
        : ok
          ? `${method} answered ${status}: the token opens the resource.`
          : `${method} answered ${status}: the token does not open the resource.`;
    if (!push({ title: `${method} with the token`, result: read, summary: text, ok })) return steps;
  }
  return steps;
}
