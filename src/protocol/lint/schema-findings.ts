import { z } from 'zod';
import type { Finding } from '../finding.ts';
import type { Kind } from '../kinds.ts';
import { specRef, type SectionId } from '../spec-refs.ts';
import { toPointer, valueAt } from '../json/pointer.ts';
import { makeFinding } from './context.ts';
import { isRecord, type Json } from './util.ts';

type Issue = z.core.$ZodIssue;

/** Which spec section a schema problem at this path belongs to. */
export function sectionForPath(kind: Kind, path: readonly PropertyKey[]): SectionId {
  const [first, second] = path.map(String);
  switch (kind) {
    case 'discovery':
      if (first === 'resourceTypes') return 'resource-types';
      if (first === 'capabilities') return 'capabilities';
      if (first === 'criteria') return 'criteria';
      if (first === 'publicKey') return 'cavage';
      if (first === 'publicKeys' || first === 'jwksUri') return 'signatures';
      return 'discovery-fields';
    case 'share':
      if (first === 'protocol')
        return second === 'webdav'
          ? 'webdav'
          : second === 'webapp'
            ? 'webapp'
            : second === 'ssh'
              ? 'ssh'
              : 'share-protocol';
      if (first === 'encryption') return 'encryption';
      return 'share';
    case 'notification':
      return 'notifications';
    case 'invite-accepted':
      return 'invite-accepted';
    case 'invite-response':
      return 'invite-response';
    case 'directory':
      return 'directory';
    case 'token-request':
    case 'token-response':
      return 'token-exchange';
    case 'request-share':
      return 'request-share';
    case 'share-response':
      return 'share';
    case 'jwks':
      return 'signatures';
    case 'error':
      return 'errors';
  }
}

const EXPECTED: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
};

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Known deviations of deployed servers, recognised where the schema fails so the finding names the
 * dialect instead of a bare type error. Returns a finding, 'skip' to drop the issue, or null.
 */
function deviation(kind: Kind, issue: Issue, doc: Json): Finding | 'skip' | null {
  const path = issue.path;
  const value = valueAt(doc, path);
  const key = path.length === 1 ? String(path[0]) : '';
  if (kind === 'discovery') {
    if (key === 'resourceTypes' && value === undefined && Array.isArray(doc.shareTypes))
      return makeFinding(
        'discovery.owncloud10-share-types',
        '/shareTypes',
        'The resource types are listed under a top-level "shareTypes" (ownCloud 10) instead of "resourceTypes".',
        {
          hint: 'Rename the top-level "shareTypes" to "resourceTypes" and give each entry its own "shareTypes": ["user"].',
        },
      );
    if (key === 'resourceTypes' && isRecord(value))
      return makeFinding(
        'discovery.resource-types-object',
        '/resourceTypes',
        '"resourceTypes" is an object; the spec wants an array of {name, shareTypes, protocols} (Seafile publishes an object).',
        { hint: 'Wrap the entry in an array: "resourceTypes": [ {...} ].' },
      );
    if (key === 'publicKey' && typeof value === 'string')
      return makeFinding(
        'discovery.public-key-bare-pem',
        '/publicKey',
        '"publicKey" is a bare PEM string; draft-cavage verifiers look for {keyId, publicKeyPem} to match the request\'s keyId.',
        { hint: 'Publish {"keyId": "https://<host>/ocm#signature", "publicKeyPem": "-----BEGIN PUBLIC KEY-----…"}.' },
      );
  }
  if (kind === 'share') {
    if (key === 'providerId' && typeof value === 'number')
      return makeFinding(
        'share.provider-id-integer',
        '/providerId',
        `"providerId" is the number ${value}; the spec makes it an opaque string.`,
        { hint: `Send "providerId": "${value}".` },
      );
    if (key === 'sender' && value === undefined && typeof doc.sharedBy === 'string')
      return makeFinding(
        'share.shared-by-instead-of-sender',
        '/sharedBy',
        'The sharing user is in "sharedBy" (older Nextcloud); the spec names the field "sender", and receivers find the sender\'s keys from it.',
        { hint: `Send "sender": ${JSON.stringify(doc.sharedBy)} (and "senderDisplayName" for "sharedByDisplayName").` },
      );
    const last = path[path.length - 1];
    if (last === 'uri' && value === undefined && path[0] === 'protocol') {
      const parent = valueAt(doc, path.slice(0, -1));
      if (isRecord(parent) && 'url' in parent)
        return makeFinding(
          'share.url-instead-of-uri',
          toPointer([...path.slice(0, -1), 'url']),
          'This protocol carries "url" where the spec names the field "uri" (an old OpenCloud/Reva deviation).',
          { hint: 'Rename "url" to "uri".' },
        );
    }
  }
  if (kind === 'invite-accepted' && key === 'userID' && value === undefined && 'userId' in doc)
    return makeFinding(
      'invite.user-id-case',
      '/userId',
      'The field is spelled "userId"; the spec names it "userID" (capital ID), and receivers that read "userID" will not find it.',
      { hint: 'Send "userID" (some receivers also read "userId"; sending both is harmless).' },
    );
  if (kind === 'invite-response' && key === 'userID' && value === undefined && 'userId' in doc)
    return makeFinding(
      'invite.user-id-case',
      '/userId',
      'The field is spelled "userId" (the Nextcloud spelling); the draft names it "userID" (capital ID), and an Invite Receiver that reads "userID" cannot add the Invite Sender as a contact.',
      { hint: 'Answer with "userID" (sending "userId" beside it is harmless).', section: 'invite-response' },
    );
  if (
    kind === 'request-share' &&
    value === undefined &&
    ['owner', 'share', 'shareWith'].includes(key) &&
    ['shareId', 'sender', 'share_id', 'share_with'].some((k) => k in doc)
  )
    return 'skip';
  return null;
}

function messageFor(issue: Issue, value: unknown): { code: Finding['code']; message: string } {
  const name = issue.path.length ? `"${String(issue.path[issue.path.length - 1])}"` : 'The document';
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { code: 'schema.required', message: `${name} is required.` };
      return {
        code: 'schema.type',
        message: `${name} must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, not ${typeName(value)}${typeof value === 'number' ? ` (${value})` : ''}.`,
      };
    case 'invalid_value':
      return {
        code: 'schema.enum',
        message: `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(value)}.`,
      };
    case 'too_small':
      return {
        code: 'schema.too-small',
        message:
          issue.origin === 'array'
            ? `${name} must have at least ${String(issue.minimum)} item(s).`
            : `${name} must not be empty.`,
      };
    case 'invalid_union':
      return {
        code: 'schema.type',
        message: `${name} has none of the allowed shapes (got ${typeName(value)}${isRecord(value) ? ` with ${Object.keys(value).length} field(s)` : ''}).`,
      };
    default:
      return { code: 'schema.type', message: `${name}: ${issue.message}` };
  }
}

/** Whether the schema makes the field at this path optional (so null can mean "left out"). */
function isOptionalAt(schema: z.ZodType, path: readonly PropertyKey[]): boolean {
  let current: z.ZodType = schema;
  for (const key of path) {
    if (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodObject)
      current = ((current.shape as Record<string, z.ZodType>)[String(key)] ??
        current._zod.def.catchall ??
        z.never()) as z.ZodType;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return false;
  }
  return current instanceof z.ZodOptional;
}

/**
 * The fields an open object's schema names: its other keys pass whatever they hold, so leaving them out
 * gives the same issues, and a document with 60,000 extra keys costs no more to check than one without.
 */
function namedPart(schema: z.ZodType, doc: Json): Json {
  if (!(schema instanceof z.ZodObject) || !(schema._zod.def.catchall instanceof z.ZodUnknown)) return doc;
  const named: Json = {};
  for (const key of Object.keys(schema.shape)) if (Object.hasOwn(doc, key)) named[key] = doc[key];
  return named;
}

/** Schema problems as findings, each with the JSON pointer of the field. */
export function schemaFindings(kind: Kind, schema: z.ZodType, doc: Json): Finding[] {
  const result = schema.safeParse(namedPart(schema, doc));
  if (result.success) return [];
  const findings: Finding[] = [];
  for (const issue of result.error.issues) {
    const special = deviation(kind, issue, doc);
    if (special === 'skip') continue;
    if (special) {
      findings.push(special);
      continue;
    }
    const section = sectionForPath(kind, issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        findings.push({
          severity: 'error',
          path: toPointer([...issue.path, key]),
          code: 'schema.forbidden-key',
          message: `"${key}" is not allowed here: the spec closes this object.`,
          specRef: specRef(section),
        });
      continue;
    }
    const value = valueAt(doc, issue.path);
    if (value === null && issue.code === 'invalid_type' && isOptionalAt(schema, issue.path)) {
      findings.push({
        ...makeFinding(
          'schema.null',
          toPointer(issue.path),
          `"${String(issue.path[issue.path.length - 1])}" is null; when there is nothing to say, leave the field out (strict parsers reject null where ${EXPECTED[issue.expected] ?? issue.expected} is expected).`,
        ),
        specRef: specRef(section),
      });
      continue;
    }
    const { code, message } = messageFor(issue, value);
    findings.push({ severity: 'error', path: toPointer(issue.path), code, message, specRef: specRef(section) });
  }
  return findings;
}
