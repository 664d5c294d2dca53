import { describe, expect, it } from 'vitest';
import { readAppReport, readReturnFragment, verdictOf } from './app-report.ts';

const line = (data: unknown) => {
  const r = readAppReport(data);
  return r && verdictOf(r);
};

describe("what a room reads from the app's report", () => {
  it('tells the three modes apart by how the app says it was opened', () => {
    expect(line({ tokenBy: 'POST', tokenValid: true, framed: true, opener: false })).toEqual({
      tone: 'good',
      text: 'in a frame · token by POST, valid',
    });
    expect(line({ tokenBy: 'POST', tokenValid: true, framed: false, opener: true })?.text).toBe(
      'in a popup window (opened by the console) · token by POST, valid',
    );
    expect(line({ tokenBy: 'POST', tokenValid: true, openedAs: 'redirect' })?.text).toBe(
      'in a full tab, no opener (a redirect) · token by POST, valid',
    );
  });

  it('makes a refused token, a missing token and a refusal to be framed red lines that say so', () => {
    expect(line({ tokenBy: 'POST', tokenValid: false, openedAs: 'popup' })).toEqual({
      tone: 'bad',
      text: 'in a popup window (opened by the console) · the app refused the token: unknown, expired or for another share',
    });
    expect(line({ tokenBy: 'none', framed: true })).toEqual({
      tone: 'bad',
      text: 'in a frame · no token: not opened by a form POST',
    });
    expect(line({ tokenBy: 'POST', tokenValid: true, framed: true, refusedFramed: true })?.tone).toBe('bad');
    expect(line({ tokenBy: 'POST', tokenValid: true, framed: true, tokenInUrl: true })).toEqual({
      tone: 'bad',
      text: 'in a frame · token by POST, valid · a token was in the URL',
    });
    expect(line({ sessionEnded: true, left: 'expired' })).toEqual({
      tone: 'bad',
      text: 'session ended: the app sent this window to expired_session_redirect_uri (the token expired)',
    });
  });

  it('ignores what is not a report', () => {
    expect(readAppReport('<b>hi</b>')).toBeUndefined();
    expect(readAppReport({ tokenBy: 'GET' })).toBeUndefined();
    expect(readAppReport(null)).toBeUndefined();
  });

  it("reads a redirected app's report from the fragment it came back with, and nothing else", () => {
    expect(readReturnFragment('#app=alpha+viewer&openedAs=redirect&tokenBy=POST&tokenValid=false&left=timer')).toEqual({
      app: 'alpha viewer',
      openedAs: 'redirect',
      tokenBy: 'POST',
      tokenValid: false,
      tokenInUrl: false,
      refusedFramed: false,
      left: 'timer',
    });
    expect(readReturnFragment('#openedAs=redirect&tokenBy=POST&left=somewhere')?.left).toBeUndefined();
    expect(readReturnFragment('')).toBeUndefined();
    expect(readReturnFragment(`#tokenBy=POST&x=${'a'.repeat(2000)}`)).toBeUndefined();
  });
});
