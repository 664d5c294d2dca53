import { describe, expect, it } from 'vitest';
import { diagnoseFrameHeaders, frameAncestorsPolicies, sourceMatches } from './frame-headers.ts';
import {
  checkAppUri,
  exactAppOrigin,
  checkExpiredSessionRedirectUri,
  historicAppUrl,
  MODE_TARGET,
  negotiate,
  webappFormBody,
  webappFormFields,
  webappShareOf,
} from './webapp.ts';

const allowedModes = (s: string[], r: string[]) =>
  negotiate(s, r)
    .modes.filter((m) => m.allowed)
    .map((m) => m.mode);

describe('negotiation: share targets ∩ receiver webapp-receive targets', () => {
  const sets: string[][] = [[], ['iframe'], ['blank'], ['iframe', 'blank']];
  const table: [string[], string[], string[], string[]][] = [];
  for (const s of sets)
    for (const r of sets) {
      const usable = ['iframe', 'blank'].filter((t) => s.includes(t) && r.includes(t));
      const modes = [
        ...(usable.includes('iframe') ? ['iframe'] : []),
        ...(usable.includes('blank') ? ['popup', 'redirect'] : []),
      ];
      table.push([s, r, usable, modes]);
    }
  it.each(table)('sender %j, receiver %j → targets %j, modes %j', (s, r, usable, modes) => {
    expect(negotiate(s, r).usable).toEqual(usable);
    expect(allowedModes(s, r)).toEqual(modes);
  });

  it('says why a mode is outside the spec', () => {
    const n = negotiate(['iframe'], ['iframe', 'blank']);
    expect(n.modes.find((m) => m.mode === 'popup')?.reason).toBe('outside the spec: the sender offered only iframe');
    const m = negotiate(['iframe', 'blank'], ['blank']);
    expect(m.modes.find((x) => x.mode === 'iframe')?.reason).toBe(
      'outside the spec: this receiver presents only blank',
    );
    expect(m.notAdvertised).toEqual(['iframe']);
    expect(negotiate([], ['blank']).summary).toMatch(/cannot present/);
    expect(negotiate([], ['blank']).modes[0]!.reason).toBe('outside the spec: the sender offered no target');
    expect(negotiate(['blank'], []).modes[1]!.reason).toBe(
      'outside the spec: this receiver advertises no webapp-receive target',
    );
  });

  it('ignores unknown targets and duplicates', () => {
    const n = negotiate(['iframe', 'iframe', 'window', 3], ['iframe']);
    expect(n.usable).toEqual(['iframe']);
    expect(n.unknown).toEqual(['window', '3']);
  });

  it('maps iframe, popup and redirect onto the two targets', () => {
    expect(MODE_TARGET.iframe.target).toBe('iframe');
    expect([MODE_TARGET.popup.target, MODE_TARGET.popup.formTarget]).toEqual(['blank', '_blank']);
    expect([MODE_TARGET.redirect.target, MODE_TARGET.redirect.formTarget]).toEqual(['blank', '_top']);
  });
});

describe('the form and its URLs', () => {
  it('posts access_token and expired_session_redirect_uri, form-encoded', () => {
    const fields = webappFormFields({ accessToken: 'a b&c', expiredSessionRedirectUri: 'https://rx/webapp/1/ended' });
    expect(fields).toEqual([
      ['access_token', 'a b&c'],
      ['expired_session_redirect_uri', 'https://rx/webapp/1/ended'],
    ]);
    expect(webappFormBody(fields)).toBe(
      'access_token=a+b%26c&expired_session_redirect_uri=https%3A%2F%2Frx%2Fwebapp%2F1%2Fended',
    );
  });

  it.each([
    ['https://apps.example.org/hedgedoc/1', true],
    ['http://127.0.0.1:4000/apps/viewer/1', true],
    ['/apps/viewer/1', false],
    ['javascript:alert(1)', false],
    ['https://u:p@apps.example.org/', false],
    ['https://apps.example.org/x?access_token=abc', false],
    ['http://*/app', false],
    ['https://*.example.org/app', false],
  ])('app uri %s → usable %s', (uri, ok) => {
    expect(checkAppUri(uri).ok).toBe(ok);
  });

  // A policy source with `*` opens frame-src to every host; a `;` starts a directive of the sender's choosing.
  it.each([
    ['http://127.0.0.1:4001', 'http://127.0.0.1:4001'],
    ['https://apps.example.org', 'https://apps.example.org'],
    ['https://APPS.Example.org', undefined],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['http://*', undefined],
    ['https://*.example.org', undefined],
    ["http://a.org;script-src 'unsafe-inline'", undefined],
    ['http://a.org;frame-src', undefined],
    ['http://a.org/path', undefined],
    ['http://a.org ', undefined],
    [' http://a.org', undefined],
    ['http://a.org\thttp://b.org', undefined],
    ['data:text/html,x', undefined],
    ["http://a'b.org", undefined],
  ])('origin %j → %j', (value, origin) => {
    const got = exactAppOrigin(value);
    expect(got.ok ? got.origin : undefined).toBe(origin);
    if (!got.ok) expect(got.error).toMatch(/origin|host/);
  });

  it('checks expired_session_redirect_uri: absolute, on the receiver, no secret', () => {
    expect(checkExpiredSessionRedirectUri('https://rx.org/webapp/1/ended', 'https://rx.org')).toEqual({
      ok: true,
      problems: [],
    });
    expect(checkExpiredSessionRedirectUri('/webapp/1/ended', 'https://rx.org').ok).toBe(false);
    expect(checkExpiredSessionRedirectUri('https://evil.org/x', 'https://rx.org').ok).toBe(false);
    expect(checkExpiredSessionRedirectUri('https://rx.org/x?s=secret42', 'https://rx.org', ['secret42']).ok).toBe(
      false,
    );
    const loopback = checkExpiredSessionRedirectUri('http://127.0.0.1:1/webapp/ended', 'http://127.0.0.1:1');
    expect(loopback.ok).toBe(true);
    expect(loopback.problems).toEqual(['Not https: the draft asks for an https URL (fine on loopback).']);
  });

  it('reads the webapp part of a share, modern and historic', () => {
    const modern = webappShareOf({
      name: 'n.md',
      sender: 'a@x',
      protocol: {
        name: 'multi',
        webapp: { uri: 'https://x/a', targets: ['iframe'], sharedSecret: 's', permissions: ['view'] },
      },
    });
    expect(modern.ok && modern.share).toMatchObject({ uri: 'https://x/a', targets: ['iframe'], sharedSecret: 's' });
    const old = webappShareOf({
      protocol: { name: 'multi', webapp: { uriTemplate: 'https://x/{secret}', viewMode: 'read' } },
    });
    expect(old.ok && old.share.historic).toEqual({ uriTemplate: 'https://x/{secret}', viewMode: 'read' });
    expect(webappShareOf({ protocol: { name: 'webdav' } }).ok).toBe(false);
    expect(historicAppUrl('https://x/{secret}', 's 1')).toBe('https://x/s%201');
    expect(historicAppUrl('https://x/app', 's1')).toBe('https://x/app?sharedSecret=s1');
  });
});

describe('frame headers', () => {
  const app = 'https://apps.example.org';
  const consoleOrigin = 'http://127.0.0.1:4000';
  it.each([
    ["'none'", false],
    ["'self'", false],
    ['*', true],
    ['http:', true],
    ['https:', false],
    ['http://127.0.0.1:4000', true],
    ['127.0.0.1:4000', false], // scheme-less: the app's scheme (https) is assumed
    ['http://127.0.0.1', false],
    ['http://127.0.0.1:*', true],
    ['http://*.0.0.1:4000', true],
    ['http://localhost:4000', false],
  ])('frame-ancestors source %s allows %s', (source, ok) => {
    expect(sourceMatches(source, consoleOrigin, app)).toBe(ok);
  });

  it('matches a scheme-less host source with the app scheme', () => {
    expect(sourceMatches('rx.org', 'https://rx.org', 'https://apps.example.org')).toBe(true);
    expect(sourceMatches("'self'", 'https://apps.example.org', 'https://apps.example.org')).toBe(true);
  });

  it('reads every policy: one header with two policies, and two headers', () => {
    expect(
      frameAncestorsPolicies([
        ['Content-Security-Policy', "default-src 'none'; frame-ancestors *, frame-ancestors 'self'"],
        ['content-security-policy', "script-src 'self'"],
      ]),
    ).toEqual([['*'], ["'self'"]]);
  });

  it('predicts a refusal by frame-ancestors and quotes it; every policy must allow', () => {
    const d = diagnoseFrameHeaders(
      [
        ['Content-Security-Policy', 'frame-ancestors *'],
        ['Content-Security-Policy', "frame-ancestors 'self'"],
      ],
      app,
      consoleOrigin,
    );
    expect(d.iframe).toBe('refused');
    expect(d.iframeReason).toBe(`iframe will be refused: frame-ancestors 'self' does not allow ${consoleOrigin}`);
  });

  it('uses X-Frame-Options only without frame-ancestors', () => {
    expect(diagnoseFrameHeaders([['X-Frame-Options', 'DENY']], app, consoleOrigin).iframe).toBe('refused');
    expect(diagnoseFrameHeaders([['X-Frame-Options', 'SAMEORIGIN']], app, consoleOrigin).iframe).toBe('refused');
    expect(diagnoseFrameHeaders([['X-Frame-Options', 'SAMEORIGIN']], consoleOrigin, consoleOrigin).iframe).toBe(
      'allowed',
    );
    const both = diagnoseFrameHeaders(
      [
        ['X-Frame-Options', 'DENY'],
        ['Content-Security-Policy', 'frame-ancestors *'],
      ],
      app,
      consoleOrigin,
    );
    expect(both.iframe).toBe('allowed');
    expect(both.findings.find((f) => f.header === 'X-Frame-Options')?.note).toMatch(/ignored/);
    expect(diagnoseFrameHeaders([], app, consoleOrigin).iframe).toBe('allowed');
  });

  it('explains COOP and cookies', () => {
    const d = diagnoseFrameHeaders(
      [
        ['Cross-Origin-Opener-Policy', 'same-origin'],
        ['Set-Cookie', 'sid=abc; Path=/; HttpOnly'],
      ],
      app,
      consoleOrigin,
    );
    expect(d.popupOpener).toBe(false);
    expect(d.findings.map((f) => f.value)).toEqual(['same-origin', 'sid=…']);
    expect(d.findings[1]!.note).toMatch(/will not stick/);
  });
});
