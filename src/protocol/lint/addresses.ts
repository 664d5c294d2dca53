import { describeAddressWarning, parseOcmAddress } from '../address.ts';
import type { RuleCode } from './catalogue.ts';
import type { CheckContext } from './context.ts';
import { quote } from './util.ts';

/** Checks OCM address fields; returns nothing, reports invalid forms and tolerated quirks. */
export function checkAddressFields(
  ctx: CheckContext,
  fields: string[],
  invalid: RuleCode,
  quirk: RuleCode | null,
): void {
  for (const field of fields) {
    const value = ctx.doc[field];
    if (typeof value !== 'string') continue;
    const parsed = parseOcmAddress(value);
    if (!parsed.ok) {
      ctx.report(invalid, `/${field}`, `"${field}" is not an OCM address (${parsed.error}); got ${quote(value)}.`, {
        hint: 'An OCM address is identifier@host[:port], e.g. "marie@cloud.example.org".',
      });
      continue;
    }
    if (quirk && parsed.warnings.length)
      ctx.report(
        quirk,
        `/${field}`,
        `"${field}" has ${parsed.warnings.map(describeAddressWarning).join(' and ')}: ${quote(value)}. Tolerant receivers read it as "${parsed.text}".`,
        { hint: `Send "${parsed.text}".` },
      );
  }
}
