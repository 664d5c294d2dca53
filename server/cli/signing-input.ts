// Shared by `sign` and `verify`: reading the request file, the key file and simple --flag arguments.
import {
  importKey,
  type HeaderPairs,
  type HttpMessageInput,
  type HttpRequestInput,
  type KeyMaterial,
} from '../../src/signing/index.ts';
import { ArgumentError, parseArgv, type ArgKind } from '../args.ts';
import type { CliIo } from './types.ts';

export class UsageError extends Error {}

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
}

/** Parses `--name value` and boolean `--flag` arguments; unknown names are a usage error. */
export function parseArgs(args: string[], valued: readonly string[], booleans: readonly string[]): ParsedArgs {
  const spec: Record<string, ArgKind> = {};
  for (const name of valued) spec[`--${name}`] = 'value';
  for (const name of booleans) spec[`--${name}`] = 'boolean';
  try {
    const parsed = parseArgv(args, spec, {
      messages: { unknown: (arg) => `unknown argument "${arg}"`, needsValue: (name) => `${name} needs a value` },
    });
    return {
      values: new Map([...parsed.values].map(([name, value]) => [name.slice(2), value])),
      flags: new Set([...parsed.flags].filter(([, on]) => on).map(([name]) => name.slice(2))),
    };
  } catch (err) {
    if (err instanceof ArgumentError) throw new UsageError(err.message);
    throw err;
  }
}

export function intArg(args: ParsedArgs, name: string): number | undefined {
  const raw = args.values.get(name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a Unix time in seconds (an integer), got "${raw}"`);
  return Number(raw);
}

function headersOf(value: unknown, file: string): HeaderPairs | Record<string, string | string[]> {
  if (Array.isArray(value)) {
    return value.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2)
        throw new UsageError(`${file}: headers[${i}] must be a [name, value] pair`);
      return [String(pair[0]), String(pair[1])] as [string, string];
    });
  }
  if (value && typeof value === 'object') return value as Record<string, string | string[]>;
  if (value === undefined) return [];
  throw new UsageError(`${file}: "headers" must be an object or a list of [name, value] pairs`);
}

function bodyOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  // A JSON body may be given as an object for convenience; it is sent as its compact serialisation.
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function requestOf(value: Record<string, unknown>, file: string): HttpRequestInput {
  if (typeof value.method !== 'string' || typeof value.url !== 'string')
    throw new UsageError(`${file}: a request needs "method" and "url" strings`);
  const request: HttpRequestInput = { method: value.method, url: value.url, headers: headersOf(value.headers, file) };
  const body = bodyOf(value.body);
  if (body !== undefined) request.body = body;
  return request;
}

/** Reads `{method, url, headers, body?}` or `{status, headers, body?, request?}`. */
export async function readMessage(io: CliIo, file: string): Promise<HttpMessageInput> {
  const text = await readFile(io, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(`${file}: expected a JSON object`);
  const obj = value as Record<string, unknown>;
  if (typeof obj.status === 'number') {
    const response: HttpMessageInput = { status: obj.status, headers: headersOf(obj.headers, file) };
    const body = bodyOf(obj.body);
    if (body !== undefined) response.body = body;
    if (obj.request && typeof obj.request === 'object')
      response.request = requestOf(obj.request as Record<string, unknown>, `${file} (request)`);
    return response;
  }
  return requestOf(obj, file);
}

export async function readFile(io: CliIo, file: string): Promise<string> {
  try {
    return await io.readInput(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export async function readKey(io: CliIo, file: string): Promise<KeyMaterial> {
  const imported = await importKey(await readFile(io, file));
  if (!imported.ok) throw new UsageError(`${file}: ${imported.error.message}`);
  return imported.value;
}
