// Reading the Signature-Input and Signature fields (RFC 9421 §4.1, §4.2): Dictionaries keyed by label,
// possibly spread over several header lines.
import { parseDictionary, type BareItem, type InnerList, type Item, type Parameters } from 'structured-headers';
import { headerValues, type HeaderInput } from '../message.ts';
import { fail, ok, type Result, errorText } from '../result.ts';
import type { ComponentId } from './components.ts';

export interface SignatureEntry {
  label: string;
  components: ComponentId[];
  params: Parameters;
  /** Undefined when the Signature field has no member with this label. */
  signature?: Uint8Array;
}

export interface SignatureParamsView {
  created?: number;
  expires?: number;
  nonce?: string;
  alg?: string;
  keyid?: string;
  tag?: string;
}

/** The well-known parameters, with an error for a parameter of the wrong type. */
export function readParams(params: Parameters, label: string): Result<SignatureParamsView> {
  const out: SignatureParamsView = {};
  for (const [name, value] of params) {
    const where = `Signature-Input ${label};${name}`;
    if (name === 'created' || name === 'expires') {
      if (typeof value !== 'number' || !Number.isInteger(value))
        return fail(
          'bad-signature-input',
          `"${name}" must be an integer Unix time in seconds, got ${describe(value)}`,
          where,
        );
      out[name] = value;
    } else if (name === 'nonce' || name === 'alg' || name === 'keyid' || name === 'tag') {
      if (typeof value !== 'string')
        return fail('bad-signature-input', `"${name}" must be a quoted string, got ${describe(value)}`, where);
      out[name] = value;
    }
  }
  return ok(out);
}

function describe(value: BareItem): string {
  if (typeof value === 'string') return `the string "${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `a ${value?.constructor?.name ?? typeof value}`;
}

/** Parses all Signature-Input and Signature members of a message. */
export function readSignatures(headers: HeaderInput): Result<SignatureEntry[]> {
  const inputLines = headerValues(headers, 'signature-input');
  if (inputLines.length === 0)
    return fail('missing-signature', 'the message has no Signature-Input header', 'Signature-Input');
  let inputs;
  try {
    inputs = parseDictionary(inputLines.join(', '));
  } catch (error) {
    return fail(
      'bad-signature-input',
      `Signature-Input is not a valid structured Dictionary: ${errorText(error)}`,
      'Signature-Input',
    );
  }
  if (inputs.size === 0) return fail('missing-signature', 'the Signature-Input header is empty', 'Signature-Input');
  const sigLines = headerValues(headers, 'signature');
  let sigs = new Map<string, Item | InnerList>();
  if (sigLines.length) {
    try {
      sigs = parseDictionary(sigLines.join(', '));
    } catch (error) {
      const cavage = /keyId\s*=/.test(sigLines.join(','));
      return fail(
        'bad-signature',
        cavage
          ? 'the Signature header is in draft-cavage form (keyId="..."), not an RFC 9421 Dictionary'
          : `Signature is not a valid structured Dictionary (label=:base64:): ${errorText(error)}`,
        'Signature',
      );
    }
  }
  const out: SignatureEntry[] = [];
  for (const [label, member] of inputs) {
    if (!Array.isArray(member[0]))
      return fail(
        'bad-signature-input',
        `Signature-Input member "${label}" must be an inner list like ("@method" ...);created=...`,
        `Signature-Input ${label}`,
      );
    const [items, params] = member as InnerList;
    for (const item of items) {
      if (typeof item[0] !== 'string')
        return fail(
          'bad-signature-input',
          `Signature-Input "${label}" lists a component that is not a quoted string`,
          `Signature-Input ${label}`,
        );
    }
    const entry: SignatureEntry = { label, components: items, params };
    const sig = sigs.get(label);
    if (sig) {
      if (!(sig[0] instanceof ArrayBuffer))
        return fail(
          'bad-signature',
          `Signature member "${label}" must be a byte sequence (:base64:)`,
          `Signature ${label}`,
        );
      entry.signature = new Uint8Array(sig[0]);
    }
    out.push(entry);
  }
  return ok(out);
}
