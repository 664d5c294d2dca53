import * as z from 'zod/mini';
import { describeIssue } from './describe-issue.ts';
import { signingRecordSchema, type Exchange } from './exchange.ts';
import { bodyFindingsSchema } from './finding.ts';
import type { HarEntryExtras } from './har.ts';
import type { StoredBody } from './inbound.ts';

/** A HAR file comes from anywhere and is read on the browser's main thread: each part of it has a limit. */
export const HAR_IMPORT_LIMITS = {
  /** The whole file, in bytes. */
  fileBytes: 64 * 1024 * 1024,
  entries: 10_000,
  /** One body, decoded: bytes past this are left out and the body marked truncated (the relay's response cap). */
  bodyBytes: 10 * 1024 * 1024,
};

/**
 * What the console puts in `_ocm` (see exchangeToHarEntry), checked with the schemas its records use: a
 * file can hold anything there, and History must never be handed a finding or a signature it cannot show.
 */
export const harExtrasSchema = z.object({
  id: z.optional(z.string()),
  signing: z.optional(z.nullable(signingRecordSchema)),
  notes: z.optional(z.array(z.string())),
  insecureTls: z.optional(z.boolean()),
  decoded: z.optional(z.string()),
  truncated: z.optional(z.object({ request: z.boolean(), response: z.boolean() })),
  source: z.optional(z.object({ page: z.string(), kind: z.optional(z.string()), fault: z.optional(z.string()) })),
  findings: z.optional(bodyFindingsSchema),
});

// What another tool (a browser's network panel, Bruno, …) exported, read strictly enough to say which
// entry and field is wrong, and leniently about what HAR makes optional.
const nameValue = z.object({ name: z.string(), value: z.string() });
const harEntrySchema = z.object({
  startedDateTime: z.string(),
  time: z.number(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(nameValue),
    postData: z.optional(
      z.object({
        mimeType: z.optional(z.string()),
        text: z.optional(z.string()),
        // Not in HAR 1.2 (only responses have `encoding`): the console writes a binary request body so.
        _encoding: z.optional(z.string()),
      }),
    ),
  }),
  response: z.object({
    status: z.number(),
    statusText: z.string(),
    headers: z.array(nameValue),
    content: z.object({
      size: z.optional(z.number()),
      text: z.optional(z.string()),
      encoding: z.optional(z.string()),
    }),
  }),
  timings: z.optional(
    z.object({
      dns: z.optional(z.number()),
      connect: z.optional(z.number()),
      ssl: z.optional(z.number()),
      wait: z.optional(z.number()),
      receive: z.optional(z.number()),
    }),
  ),
});
const harSchema = z.object({ log: z.object({ version: z.string(), entries: z.array(z.unknown()) }) });

/** An entry whose exchange reads but whose `_ocm` extras do not: kept, to be shown as unreadable. */
export interface HarUnreadableEntry {
  /** Where and what: `entries[2]._ocm.signing: expected object, got a string`. */
  problem: string;
  method: string;
  url: string;
  /** The entry as the file holds it. */
  entry: unknown;
}

export type HarImport =
  | {
      ok: true;
      exchanges: Array<{ exchange: Exchange; extras: HarEntryExtras }>;
      unreadable: HarUnreadableEntry[];
    }
  | { ok: false; error: string };

// Standard base64, padded or not (browsers write it padded; nothing else belongs in a HAR body).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and a stack holds only so many.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** As the relay stores a body: UTF-8 text when it decodes cleanly, else base64. */
function storedBodyOf(bytes: Uint8Array, size: number, truncated: boolean): StoredBody {
  try {
    return { encoding: 'utf8', data: new TextDecoder('utf-8', { fatal: true }).decode(bytes), size, truncated };
  } catch {
    return { encoding: 'base64', data: base64Of(bytes), size, truncated };
  }
}

/** A HAR body as bytes (base64 decoded), cut at the limit; a reason when the base64 is not base64. */
export function harBody(text: string, base64: boolean, limit = HAR_IMPORT_LIMITS.bodyBytes): StoredBody | string {
  if (!base64) {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length <= limit) return { encoding: 'utf8', data: text, size: bytes.length, truncated: false };
    return storedBodyOf(bytes.subarray(0, limit), bytes.length, true);
  }
  if (!BASE64.test(text)) return 'not base64';
  const unpadded = text.replace(/=+$/, '').length;
  const size = Math.floor((unpadded * 3) / 4);
  // Only what is kept is decoded: four base64 characters make three bytes.
  const binary = atob(text.slice(0, Math.ceil(limit / 3) * 4));
  const bytes = Uint8Array.from(binary.slice(0, limit), (ch) => ch.charCodeAt(0));
  return storedBodyOf(bytes, size, size > limit);
}

/**
 * Reads a HAR file. A file that is not HAR, or an entry whose request or response does not read, is
 * refused with the entry and field named (`entries[3].request.url: …`); an entry whose `_ocm` extras do
 * not read is handed back apart, with what was wrong and where.
 */
export function importHar(text: string, newId: () => string): HarImport {
  if (text.length > HAR_IMPORT_LIMITS.fileBytes)
    return { ok: false, error: `The file is larger than ${HAR_IMPORT_LIMITS.fileBytes} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Not JSON: ${(err as Error).message}` };
  }
  const file = z.safeParse(harSchema, json);
  if (!file.success) return { ok: false, error: `Not a HAR file: ${describeIssue(file.error.issues, json)}` };
  const entries = file.data.log.entries;
  if (entries.length > HAR_IMPORT_LIMITS.entries)
    return {
      ok: false,
      error: `The file holds ${entries.length} entries; at most ${HAR_IMPORT_LIMITS.entries} are read`,
    };
  const exchanges: Array<{ exchange: Exchange; extras: HarEntryExtras }> = [];
  const unreadable: HarUnreadableEntry[] = [];
  for (const [i, raw] of entries.entries()) {
    const entry = z.safeParse(harEntrySchema, raw);
    if (!entry.success) return { ok: false, error: describeIssue(entry.error.issues, raw, `entries[${i}]`) };
    const e = entry.data;
    const rawExtras = (raw as { _ocm?: unknown })._ocm;
    const extras = z.safeParse(z.optional(harExtrasSchema), rawExtras);
    if (!extras.success) {
      const problem = describeIssue(extras.error.issues, rawExtras, `entries[${i}]._ocm`);
      unreadable.push({ problem, method: e.request.method, url: e.request.url, entry: raw });
      continue;
    }
    const ocm = extras.data ?? {};
    const postData = e.request.postData;
    const requestBody = postData?.text ? harBody(postData.text, postData._encoding === 'base64') : undefined;
    if (typeof requestBody === 'string')
      return { ok: false, error: `entries[${i}].request.postData.text: ${requestBody}` };
    const responseBody = harBody(e.response.content.text ?? '', e.response.content.encoding === 'base64');
    if (typeof responseBody === 'string')
      return { ok: false, error: `entries[${i}].response.content.text: ${responseBody}` };
    const t = e.timings ?? {};
    const phase = (v: number | undefined) => (v === undefined || v < 0 ? null : v);
    const ssl = phase(t.ssl);
    const connect = phase(t.connect);
    exchanges.push({
      exchange: {
        id: newId(),
        startedAt: e.startedDateTime,
        request: {
          method: e.request.method,
          url: e.request.url,
          headers: e.request.headers.map((h) => [h.name, h.value]),
          ...(requestBody
            ? { body: { ...requestBody, truncated: requestBody.truncated || !!ocm.truncated?.request } }
            : {}),
        },
        response: {
          status: e.response.status,
          statusText: e.response.statusText,
          headers: e.response.headers.map((h) => [h.name, h.value]),
          body: { ...responseBody, truncated: responseBody.truncated || !!ocm.truncated?.response },
          ...(ocm.decoded ? { decoded: ocm.decoded } : {}),
        },
        timing: {
          dns: phase(t.dns),
          connect: connect === null ? null : Math.max(0, connect - (ssl ?? 0)),
          tls: ssl,
          firstByte: null,
          total: e.time,
        },
        signing: ocm.signing ?? null,
        insecureTls: ocm.insecureTls === true,
        notes: ocm.notes ?? [],
      },
      extras: {
        ...(ocm.source ? { source: ocm.source } : {}),
        ...(ocm.findings ? { findings: ocm.findings } : {}),
      },
    });
  }
  return { ok: true, exchanges, unreadable };
}
