// The signature base (RFC 9421 §2.5): one `"<component>": <value>` line per covered component, then the
// `"@signature-params"` line, joined with LF and no trailing newline.
import { serializeInnerList, type Parameters } from 'structured-headers';
import type { HttpMessageInput } from '../message.ts';
import { ok, type Result } from '../result.ts';
import { componentKey, componentValue, type ComponentId } from './components.ts';

export interface BaseLine {
  /** The serialised component identifier, e.g. `"@authority"`. */
  component: string;
  value: string;
}

export interface SignatureBase {
  /** The exact text that is signed. */
  base: string;
  lines: BaseLine[];
  /** The `@signature-params` value: the inner list with its parameters. */
  signatureParams: string;
}

export function serializeSignatureParams(components: ComponentId[], params: Parameters): string {
  return serializeInnerList([components, params]);
}

export function buildSignatureBase(
  message: HttpMessageInput,
  components: ComponentId[],
  params: Parameters,
): Result<SignatureBase> {
  const lines: BaseLine[] = [];
  for (const id of components) {
    const value = componentValue(id, message);
    if (!value.ok) return value;
    lines.push({ component: componentKey(id), value: value.value });
  }
  const signatureParams = serializeSignatureParams(components, params);
  const base = [...lines.map((l) => `${l.component}: ${l.value}`), `"@signature-params": ${signatureParams}`].join(
    '\n',
  );
  return ok({ base, lines, signatureParams });
}
