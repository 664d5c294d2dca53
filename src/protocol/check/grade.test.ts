import { describe, expect, it } from 'vitest';
import type { CheckEvidence, CheckLine } from '../../contract/check.ts';
import type { DiscoverResult, Exchange } from '../../contract/exchange.ts';
import { lint } from '../lint/engine.ts';
import { SECTIONS } from '../spec-refs.ts';
import { CHECK_LINES } from './catalogue.ts';
import { jsonOf, seenOf, signatureRefusal, statusOf } from './evidence.ts';
import {
  gradeCheck,
  gradeDiscovery,
  gradeKeys,
  gradeSignatures,
  gradeToken,
  gradeTransport,
  gradeValidation,
  refusalGrade,
  tokenGrade,
  validationGrade,
} from './grade.ts';
import { checkPlan, checkProbeBodies } from './plan.ts';

const RSA_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr4tmm3r20Wd/PbqvP1s2
+QEtvpuRaV8Yq40gjUR8y2Rjxa6dpG2GXHbPfvMs8ct+Lh1GH45x28Rw3Ry53mm+
oAXjyQ86OnDkZ5N8lYbggD4O3w6M6pAvLkhk95AndTrifbIFPNU8PPMO7OyrFAHq
gDsznjPFmTOtCEcN2Z1FpWgchwuYLPL+Wokqltd11nqqzi+bJ9cvSKADYdUAAN5W
Utzdpiy6LbTgSxP7ociU4Tn0g5I6aDZJ7A8Lzo0KSyZYoA485mqcO0GVAdVw9lq4
aOT9v6d+nb4bnNkQVklLQ3fVAvJm+xdDOp9LCNCN48V2pnDOkFV6+U9nV5oyc6XI
2wIDAQAB
-----END PUBLIC KEY-----`;

const timing: Exchange['timing'] = { dns: null, connect: null, tls: null, firstByte: 12, total: 15 };

function exchange(status: number, body = '', headers: [string, string][] = [], t = timing): Exchange {
  return {
    id: 'x',
    startedAt: '2026-01-01T00:00:00.000Z',
    request: { method: 'GET', url: 'https://peer.example/x', headers: [] },
    response: {
      status,
      statusText: '',
      headers,
      body: { encoding: 'utf8', data: body, size: body.length, truncated: false },
    },
    timing: t,
    signing: null,
    insecureTls: false,
    notes: [],
  };
}
const answered = (status: number, body: unknown = ''): CheckEvidence => ({
  label: 'probe',
  exchange: exchange(status, typeof body === 'string' ? body : JSON.stringify(body)),
});
const signedAnswer = (status: number, body: unknown, headers: [string, string][] = []): CheckEvidence => {
  const e = exchange(status, typeof body === 'string' ? body : JSON.stringify(body), headers);
  return {
    label: 'probe',
    exchange: {
      ...e,
      signing: {
        profile: 'rfc9421',
        keyid: 'console.example#k1',
        alg: 'ed25519',
        label: 'sig1',
        signatureBase: '',
        added: [],
      },
    },
  };
};
const refused: CheckEvidence = {
  label: 'probe',
  failure: { kind: 'refused', address: '192.0.2.1:443', message: 'Connection refused by 192.0.2.1:443.' },
};

const modern = {
  enabled: true,
  endPoint: 'https://peer.example/ocm/',
  capabilities: ['http-sig', 'exchange-token'],
  criteria: ['must-use-http-sig'],
  jwksUri: 'https://peer.example/ocm/jwks',
  tokenEndPoint: 'https://peer.example/ocm/token',
};

function discovered(document: unknown, over: Partial<DiscoverResult> = {}): DiscoverResult {
  return {
    target: 'peer.example',
    base: 'https://peer.example',
    wellKnown: { url: 'https://peer.example/.well-known/ocm', exchange: exchange(200, JSON.stringify(document)) },
    legacy: null,
    answeredBy: document ? 'well-known' : null,
    document,
    detected: document ? { version: '1.5', versions: ['1.5'], dialect: 'spec', evidence: [] } : null,
    findings: [],
    ...over,
  };
}
const brief = (lines: CheckLine[]) => lines.map((l) => [l.id, l.grade, l.seen]);

describe('grading discovery', () => {
  it.each([
    ['well-known', 'pass', 'served at /.well-known/ocm'],
    ['legacy', 'warn', 'only the legacy /ocm-provider answered'],
  ] as const)('grades a document answered by %s', (answeredBy, grade, seen) => {
    const [reachable] = gradeDiscovery(discovered(modern, { answeredBy }));
    expect(reachable).toMatchObject({ id: 'discovery.reachable', grade, seen });
  });

  it('fails when no document came, with why, and keeps both attempts as evidence', () => {
    const d = discovered(null, {
      problem: 'https://peer.example/.well-known/ocm answered 404.',
      legacy: { url: 'https://peer.example/ocm-provider', failure: refused.failure! },
    });
    const lines = gradeDiscovery(d);
    expect(brief(lines)).toEqual([
      ['discovery.reachable', 'fail', 'https://peer.example/.well-known/ocm answered 404.'],
    ]);
    expect(lines[0]!.evidence.map((e) => e.label)).toEqual(['GET /.well-known/ocm', 'GET /ocm-provider']);
    expect(lines[0]!.evidence[1]!.failure?.kind).toBe('refused');
    expect(gradeDiscovery(discovered(null))[0]!.seen).toBe('no document');
  });

  it('says a problem both discovery paths had only once', () => {
    const dns = 'nowhere.invalid could not be resolved (ENOTFOUND).';
    expect(gradeDiscovery(discovered(null, { problem: `${dns} ${dns}` }))[0]!.seen).toBe(dns);
  });

  it('keeps the candidates where nothing answered as evidence, before the one that did', () => {
    const d = discovered(modern, {
      unreachable: [
        { base: 'http://peer.example', url: 'http://peer.example/.well-known/ocm', failure: refused.failure! },
      ],
    });
    const [reachable] = gradeDiscovery(d);
    expect(reachable!.grade).toBe('pass');
    expect(reachable!.evidence.map((e) => e.label)).toEqual([
      'GET http://peer.example/.well-known/ocm',
      'GET /.well-known/ocm',
    ]);
    expect(reachable!.evidence[0]!.failure?.kind).toBe('refused');
  });

  it.each([
    [[], 'pass', '0 errors, 0 warnings'],
    [[{ severity: 'warning', path: '/x', message: 'odd' }], 'warn', '0 errors, 1 warnings; first: /x odd'],
    [
      [
        { severity: 'warning', path: '/x', message: 'odd' },
        { severity: 'error', path: '', message: 'broken' },
      ],
      'fail',
      '1 errors, 1 warnings; first: / broken',
    ],
  ] as const)('grades the lint findings %#', (findings, grade, seen) => {
    const d = discovered(modern, { findings: findings.map((f) => ({ ...f, code: 'c' })) });
    expect(gradeDiscovery(d)[1]).toMatchObject({
      id: 'discovery.lint',
      grade,
      seen,
      expected: 'no errors against OCM 1.5',
    });
    expect(gradeDiscovery(discovered(modern, { detected: null }))[1]!.expected).toBe('no errors against OCM ?');
  });
});

describe('grading transport', () => {
  it('passes https, a direct answer and a prompt first byte', () => {
    expect(brief(gradeTransport('https://peer.example', exchange(200)))).toEqual([
      ['transport.https', 'pass', 'https'],
      ['transport.redirect', 'pass', '200'],
      ['transport.latency', 'pass', '12 ms'],
    ]);
  });
  it('warns on plain http, a redirect (not followed) and a slow answer', () => {
    const slow = { ...timing, firstByte: null, total: 2_500 };
    expect(brief(gradeTransport('http://peer.example', exchange(301, '', [['Location', 'https://x/']], slow)))).toEqual(
      [
        ['transport.https', 'warn', 'plain http'],
        ['transport.redirect', 'warn', '301 to https://x/ (not followed)'],
        ['transport.latency', 'warn', '2500 ms'],
      ],
    );
    expect(gradeTransport('https://p', exchange(302))[1]!.seen).toBe('302 to ? (not followed)');
  });
  it('grades only the scheme when the well-known URL gave no answer', () => {
    expect(brief(gradeTransport('https://peer.example', undefined))).toEqual([['transport.https', 'pass', 'https']]);
  });
});

describe('grading keys', () => {
  const jwks = (keys: unknown) => answered(200, { keys });
  const good = { kty: 'OKP', crv: 'Ed25519', x: 'x', kid: 'peer.example#k1', alg: 'EdDSA' };

  it('passes a JWK Set whose keys all have kid and alg', () => {
    expect(brief(gradeKeys(modern, jwks([good])))).toEqual([
      ['keys.jwks', 'pass', '1 key(s)'],
      ['keys.members', 'pass', 'all keys complete'],
    ]);
  });
  it('fails keys without kid or alg, symmetric keys, and an empty set', () => {
    expect(gradeKeys(modern, jwks([good, { kty: 'oct', kid: 'h', alg: 'HS256' }]))[1]).toMatchObject({
      grade: 'fail',
      seen: '1 of 2 lack kid/alg or are symmetric',
    });
    expect(gradeKeys(modern, jwks([]))[1]).toMatchObject({ grade: 'fail', seen: 'the set is empty' });
  });
  it('fails a JWKS that is not a JWK Set or did not answer, with the exchange as evidence', () => {
    const notSet = answered(404, 'nope');
    expect(brief(gradeKeys(modern, notSet))).toEqual([['keys.jwks', 'fail', '404 nope']]);
    expect(gradeKeys(modern, notSet)[0]!.evidence).toEqual([notSet]);
    expect(brief(gradeKeys(modern, refused))).toEqual([
      ['keys.jwks', 'fail', 'no answer: Connection refused by 192.0.2.1:443.'],
    ]);
  });
  it('fails http-sig without a jwksUri', () => {
    expect(brief(gradeKeys({ capabilities: ['http-sig'] }, undefined))).toEqual([['keys.jwks-uri', 'fail', 'missing']]);
  });
  it('checks the legacy publicKey, whichever form it has', () => {
    expect(brief(gradeKeys({ publicKey: { keyId: 'k', publicKeyPem: RSA_PEM } }, undefined))).toEqual([
      ['keys.legacy-public-key', 'pass', 'rsa 2048 bits'],
    ]);
    expect(gradeKeys({ publicKey: 'not a pem' }, undefined)[0]).toMatchObject({
      id: 'keys.legacy-public-key',
      grade: 'fail',
    });
  });
  it('skips a server that publishes no keys', () => {
    expect(brief(gradeKeys({ endPoint: 'https://p/ocm' }, undefined))).toEqual([
      ['keys.none', 'skip', 'publishes no keys (it cannot sign what it sends)'],
    ]);
  });
});

describe('grading the signature policy', () => {
  it.each([
    [undefined, 'fail'],
    [401, 'pass'],
    [403, 'pass'],
    [201, 'fail'],
    [500, 'fail'],
    [400, 'warn'],
    [302, 'warn'],
  ] as const)('grades a refusal answered %s as %s', (status, grade) => {
    expect(refusalGrade(status)).toBe(grade);
  });
  it('probes unsigned, wrong-digest and stale shares when signatures are required', () => {
    const lines = gradeSignatures(
      modern,
      { unsigned: answered(401), digest: answered(403), stale: answered(202) },
      true,
    );
    expect(lines.map((l) => [l.id, l.grade])).toEqual([
      ['signatures.unsigned', 'pass'],
      ['signatures.digest', 'pass'],
      ['signatures.stale', 'fail'],
    ]);
    expect(gradeSignatures(modern, { unsigned: answered(401) }, false).map((l) => l.id)).toEqual([
      'signatures.unsigned',
    ]);
    expect(gradeSignatures(modern, {}, false)[0]).toMatchObject({ grade: 'fail', seen: 'not sent', evidence: [] });
  });
  it('skips servers that do not require signatures or have no endPoint', () => {
    expect(brief(gradeSignatures({ ...modern, criteria: [] }, {}, true))).toEqual([
      ['signatures.not-required', 'skip', 'http-sig advertised but signatures not required'],
    ]);
    expect(brief(gradeSignatures({ endPoint: 'https://p/ocm' }, {}, true))).toEqual([
      ['signatures.not-required', 'skip', 'signatures not advertised'],
    ]);
    expect(brief(gradeSignatures({}, {}, true))).toEqual([['signatures.endpoint', 'skip', 'none']]);
  });
});

describe('grading input validation', () => {
  it.each([
    [undefined, undefined, 'fail'],
    [500, { message: 'x' }, 'fail'],
    [201, {}, 'fail'],
    [400, { message: 'Invalid share', validationErrors: [] }, 'pass'],
    [400, 'Bad Request', 'warn'],
    [302, undefined, 'warn'],
  ] as const)('grades %s %j as %s', (status, body, grade) => {
    expect(validationGrade(status, body)).toBe(grade);
  });
  it('grades the invalid share probe, or skips without an endPoint', () => {
    expect(gradeValidation(modern, answered(400, { message: 'missing name' }))[0]).toMatchObject({
      id: 'validation.share',
      grade: 'pass',
      seen: '400 {"message":"missing name"}',
    });
    expect(brief(gradeValidation({}, undefined))).toEqual([['validation.endpoint', 'skip', 'none']]);
  });
});

describe('telling a signature refusal from a judged body', () => {
  const invalidKey = { message: 'SIGNATURE_INVALID', detail: 'keyid "c#k1" is not the kid of any key in the JWK Set' };
  const judged = { message: 'INVALID_PARAMETERS', validationErrors: [{ name: 'shareWith', message: 'NOT_FOUND' }] };

  it('reads why a 401/403 refused the signature from its body or WWW-Authenticate', () => {
    expect(signatureRefusal(answered(401, invalidKey))).toBe(
      '401 SIGNATURE_INVALID: keyid "c#k1" is not the kid of any key in the JWK Set',
    );
    expect(signatureRefusal(answered(403, 'Invalid signature'))).toBe('403 Invalid signature');
    const challenge: CheckEvidence = {
      label: 'probe',
      exchange: exchange(401, '', [['WWW-Authenticate', 'Signature realm="ocm"']]),
    };
    expect(signatureRefusal(challenge)).toBe('401 Signature realm="ocm"');
  });
  it('does not take a refusal about the body, another status or no answer for one', () => {
    expect(signatureRefusal(answered(400, judged))).toBeUndefined();
    expect(signatureRefusal(answered(403, { message: 'shareWith NOT_FOUND' }))).toBeUndefined();
    expect(signatureRefusal(answered(400, { message: 'Signature missing name' }))).toBeUndefined();
    expect(signatureRefusal(refused)).toBeUndefined();
    expect(signatureRefusal(undefined)).toBeUndefined();
  });

  it('does not credit input validation when the signed invalid share was refused for its signature', () => {
    const [line] = gradeValidation(modern, signedAnswer(401, invalidKey));
    expect(line).toMatchObject({ id: 'validation.share', grade: 'warn' });
    expect(line!.seen).toMatch(/^body never judged: the peer refused the console's signature \(401 SIGNATURE_INVALID/);
    expect(line!.seen).toMatch(/names the console as sender/);
    expect(line!.evidence).toHaveLength(1);
  });
  it('skips input validation when an unsigned probe was refused for its missing signature', () => {
    const [line] = gradeValidation(modern, answered(401, { message: 'SIGNATURE_REQUIRED' }));
    expect(line).toMatchObject({ grade: 'skip' });
    expect(line!.seen).toMatch(/^body never judged: the peer refused the unsigned probe .*401 SIGNATURE_REQUIRED/);
  });
  it('passes input validation when the signed probe reached the body and got a spec-shaped 400', () => {
    expect(gradeValidation(modern, signedAnswer(400, judged))[0]).toMatchObject({
      grade: 'pass',
      seen: expect.stringMatching(/^400 \{"message":"INVALID_PARAMETERS","validationErrors"/),
    });
  });

  it('does not credit a digest or stale refusal when a soundly signed share was refused the same way', () => {
    const lines = gradeSignatures(
      modern,
      {
        unsigned: answered(401, { message: 'SIGNATURE_REQUIRED' }),
        digest: answered(401, invalidKey),
        stale: answered(401, invalidKey),
        invalidShare: signedAnswer(401, invalidKey),
      },
      true,
    );
    expect(lines.map((l) => [l.id, l.grade])).toEqual([
      ['signatures.unsigned', 'pass'],
      ['signatures.digest', 'warn'],
      ['signatures.stale', 'warn'],
    ]);
    expect(lines[1]!.seen).toMatch(/a soundly signed share was refused for its signature too/);
    expect(lines[1]!.evidence).toHaveLength(2);
  });
  it('credits digest and stale refusals when the soundly signed share got past the signature', () => {
    const lines = gradeSignatures(
      modern,
      {
        unsigned: answered(401),
        digest: answered(401, { message: 'SIGNATURE_INVALID', detail: 'Content-Digest does not match' }),
        stale: answered(401, { message: 'SIGNATURE_INVALID', detail: 'created is 600 s old' }),
        invalidShare: signedAnswer(400, judged),
      },
      true,
    );
    expect(lines.map((l) => l.grade)).toEqual(['pass', 'pass', 'pass']);
    expect(lines[1]!.evidence).toHaveLength(1);
  });

  it('says the token request was refused for its signature, not for the code', () => {
    expect(gradeToken(modern, answered(401, invalidKey), true)[0]).toMatchObject({
      grade: 'warn',
      seen: expect.stringMatching(
        /^code never judged: the peer refused the console's signature \(401 SIGNATURE_INVALID/,
      ),
    });
    expect(gradeToken(modern, answered(401, { error: 'invalid_client' }), true)[0]!.seen).toBe(
      '401 {"error":"invalid_client"}',
    );
  });
});

describe('grading the token endpoint', () => {
  it.each([
    [400, { error: 'invalid_grant' }, 'pass'],
    [400, { error: 'invalid_request' }, 'warn'],
    [401, { error: 'invalid_client' }, 'warn'],
    [200, { access_token: 't' }, 'fail'],
    [undefined, undefined, 'fail'],
  ] as const)('grades %s %j as %s', (status, body, grade) => {
    expect(tokenGrade(status, body)).toBe(grade);
  });
  it('probes a signed token request, or says why not', () => {
    expect(gradeToken(modern, answered(400, { error: 'invalid_grant' }), true)[0]).toMatchObject({
      id: 'token.invalid-grant',
      grade: 'pass',
    });
    expect(brief(gradeToken(modern, undefined, false))).toEqual([
      ['token.unsigned-skipped', 'skip', 'not sent (no reachable identity to sign with)'],
    ]);
    expect(brief(gradeToken({ capabilities: ['exchange-token'] }, undefined, true))).toEqual([
      ['token.missing', 'fail', 'missing'],
    ]);
    expect(brief(gradeToken({}, undefined, true))).toEqual([['token.not-advertised', 'skip', 'not advertised']]);
  });
});

describe('the whole check', () => {
  it('skips every area but discovery when there is no document, and fails', () => {
    const report = gradeCheck(discovered(null), {}, { canSign: true });
    expect(report.grade).toBe('fail');
    expect(report.areas.map((a) => [a.area, a.grade, a.lines.map((l) => l.id)])).toEqual([
      ['discovery', 'fail', ['discovery.reachable']],
      ['transport', 'skip', ['transport.skipped']],
      ['keys', 'skip', ['keys.skipped']],
      ['signatures', 'skip', ['signatures.skipped']],
      ['validation', 'skip', ['validation.skipped']],
      ['token', 'skip', ['token.skipped']],
    ]);
    expect(report.notes).toEqual([]);
  });

  it('grades each area by its worst line, and says when signed probes were not sent', () => {
    const report = gradeCheck(
      discovered(modern),
      { jwks: answered(200, { keys: [] }), unsigned: answered(401), invalidShare: answered(400, { message: 'm' }) },
      { canSign: false },
    );
    expect(report.areas.map((a) => [a.area, a.grade])).toEqual([
      ['discovery', 'pass'],
      ['transport', 'pass'],
      ['keys', 'fail'],
      ['signatures', 'pass'],
      ['validation', 'pass'],
      ['token', 'skip'],
    ]);
    expect(report.grade).toBe('fail');
    expect(report.notes[0]).toMatch(/Signed probes were not sent/);
  });

  it('names every line in the catalogue, with its spec link from spec-refs', () => {
    const report = gradeCheck(discovered(modern), {}, { canSign: true });
    for (const line of report.areas.flatMap((a) => a.lines)) {
      const info: { title: string; section?: keyof typeof SECTIONS } = CHECK_LINES[line.id as keyof typeof CHECK_LINES];
      expect(info, line.id).toBeDefined();
      expect(line.title).toBe(info.title);
      if (info.section)
        expect(line.specRef).toEqual({ section: SECTIONS[info.section].title, url: SECTIONS[info.section].url });
      else expect(line.specRef).toBeUndefined();
    }
    for (const [id, info] of Object.entries(CHECK_LINES)) expect(id.startsWith(`${info.area}.`), id).toBe(true);
  });
});

describe('planning the probes', () => {
  it('plans every probe for a server that signs, requires signatures and runs the code flow', () => {
    expect(checkPlan(discovered(modern), true)).toEqual({
      jwksUri: 'https://peer.example/ocm/jwks',
      shareUrl: 'https://peer.example/ocm/shares',
      signaturePolicy: true,
      signInvalidShare: true,
      tokenEndPoint: 'https://peer.example/ocm/token',
    });
  });
  it('plans no signed probes when the console cannot sign, and none at all without a document', () => {
    expect(checkPlan(discovered(modern), false)).toEqual({
      jwksUri: 'https://peer.example/ocm/jwks',
      shareUrl: 'https://peer.example/ocm/shares',
      signaturePolicy: true,
      signInvalidShare: false,
    });
    expect(checkPlan(discovered(null), true)).toEqual({ signaturePolicy: false, signInvalidShare: false });
    expect(checkPlan(discovered({ capabilities: ['exchange-token'] }), true)).toEqual({
      signaturePolicy: false,
      signInvalidShare: false,
    });
  });
  it('reads a 1.2-era relative tokenEndPoint (the OCM-stub\'s "/ocm/token") against the server\'s base', () => {
    const stubLike = {
      endPoint: 'https://peer.example/ocm',
      capabilities: ['exchange-token'],
      tokenEndPoint: '/ocm/token',
    };
    expect(checkPlan(discovered(stubLike), true).tokenEndPoint).toBe('https://peer.example/ocm/token');
  });
  it('probes with a valid share to nobody, an invalid one, and a code never issued', () => {
    const bodies = checkProbeBodies('https://peer.example:8443', {
      host: 'console.example',
      base: 'https://console.example',
    });
    const share = JSON.parse(bodies.share) as Record<string, unknown>;
    expect(share.shareWith).toBe('ocm-explorer-check-nobody@peer.example:8443');
    expect(lint('share', share, { spec: '1.5' }).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const invalid = JSON.parse(bodies.invalidShare) as Record<string, unknown>;
    expect(lint('share', invalid, { spec: '1.5' }).valid).toBe(false);
    // Invalid in its content only: it still names the console, so a verifying peer finds the console's keys.
    expect(invalid).toEqual({
      shareWith: 'ocm-explorer-check-nobody@peer.example:8443',
      owner: 'ocm-explorer-check@console.example',
      sender: 'ocm-explorer-check@console.example',
    });
    expect(Object.fromEntries(new URLSearchParams(bodies.tokenForm))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'console.example',
      code: 'ocm-explorer-check-never-issued',
    });
  });
});

describe('reading evidence', () => {
  it('reads status, JSON and a one-line summary', () => {
    expect([statusOf(answered(201)), statusOf(refused), statusOf(undefined)]).toEqual([201, undefined, undefined]);
    expect([jsonOf(answered(200, { a: 1 })), jsonOf(answered(200, 'not json')), jsonOf(refused)]).toEqual([
      { a: 1 },
      undefined,
      undefined,
    ]);
    expect([seenOf(answered(204)), seenOf(refused), seenOf(undefined)]).toEqual([
      '204',
      'no answer: Connection refused by 192.0.2.1:443.',
      'not sent',
    ]);
  });
});
