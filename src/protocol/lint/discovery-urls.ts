import { declaredVersion, discoveryClues } from '../detect/discovery.ts';
import { compareVersions } from '../versions.ts';
import type { CheckContext } from './context.ts';
import { checkHttpUrl, quote, stringsOf } from './util.ts';

/** endPoint, jwksUri, tokenEndPoint: absolute URLs; plain http is a lab setup. */
export function checkDiscoveryUrls(ctx: CheckContext): void {
  const { doc } = ctx;
  for (const field of ['endPoint', 'jwksUri', 'tokenEndPoint'] as const) {
    const value = doc[field];
    if (typeof value !== 'string') continue;
    const url = checkHttpUrl(value);
    if (!url.ok)
      ctx.report(
        'discovery.url-invalid',
        `/${field}`,
        `"${field}" must be an absolute http(s) URL; got ${quote(value)}.`,
        {
          hint:
            field === 'endPoint'
              ? 'e.g. "https://cloud.example.org/ocm": API paths (/shares, /notifications…) are appended to it.'
              : undefined,
        },
      );
    // A plain-http jwksUri under must-use-http-sig gets its own, stronger message.
    else if (!url.https && !(field === 'jwksUri' && stringsOf(doc.criteria).includes('must-use-http-sig')))
      ctx.report(
        'discovery.url-http',
        `/${field}`,
        `"${field}" uses plain http; peers will only accept that in a test setup.`,
        { hint: 'Serve it over https in production.' },
      );
  }
  const dialog = doc.inviteAcceptDialog;
  if (typeof dialog === 'string' && !dialog.startsWith('/')) {
    if (checkHttpUrl(dialog).ok)
      ctx.report(
        'discovery.invite-dialog-form',
        '/inviteAcceptDialog',
        'inviteAcceptDialog is an absolute URL; the draft describes a path on the same host (both are accepted in practice).',
      );
    else
      ctx.report(
        'discovery.url-invalid',
        '/inviteAcceptDialog',
        `inviteAcceptDialog must be a path starting with "/" (or an absolute URL); got ${quote(dialog)}.`,
      );
  }
}

/** apiVersion is informative, but a value that contradicts the fields misleads people reading it. */
export function checkApiVersion(ctx: CheckContext): void {
  const value = ctx.doc.apiVersion;
  if (typeof value !== 'string') return;
  const declaration = declaredVersion(ctx.doc);
  if (!declaration) {
    ctx.report(
      'discovery.api-version-format',
      '/apiVersion',
      `apiVersion ${quote(value)} is not a version this linter recognises (expected e.g. "1.5.0").`,
    );
    return;
  }
  const { version: declared, field } = declaration;
  const clues = discoveryClues(ctx.doc);
  if (compareVersions(declared, clues.min) < 0) {
    const newest = [...new Set(clues.evidence.filter((e) => e.reason.endsWith(`(${clues.min}+)`)).map((e) => e.path))];
    const shown = newest.length > 3 ? [...newest.slice(0, 3), `${newest.length - 3} more`] : newest;
    ctx.report(
      'discovery.api-version-mismatch',
      `/${field}`,
      `${field} ${quote(declaration.text)} says ${declared}, but the document has fields of ${clues.min} or later (${shown.join(', ')}).`,
      { hint: 'Peers must not gate behaviour on apiVersion, but people do read it: report the version you implement.' },
    );
  } else if (clues.max && compareVersions(declared, clues.max) > 0)
    ctx.report(
      'discovery.api-version-mismatch',
      `/${field}`,
      `${field} ${quote(declaration.text)} says ${declared}, but the document uses forms that ${declared} replaced (up to ${clues.max}).`,
    );
}
