import { describe, expect, it } from 'vitest';
import { checkProbeBodies } from './check/plan.ts';
import { isCheckProbe } from './check-probe.ts';
import { tokenRequestForm } from './endpoints.ts';

const bodies = checkProbeBodies('http://127.0.0.1:9001', { host: '127.0.0.1:8080', base: 'http://127.0.0.1:8080' });

describe('isCheckProbe', () => {
  it("knows the Check's share probes, whole or without their required fields", () => {
    expect(isCheckProbe({ path: '/ocm/shares', body: bodies.share })).toBe(true);
    expect(isCheckProbe({ path: '/ocm/shares', body: bodies.invalidShare })).toBe(true);
  });

  it("knows the Check's token request, form-encoded or in the 1.2-era JSON form", () => {
    expect(isCheckProbe({ path: '/ocm/token', body: bodies.tokenForm })).toBe(true);
    const code = new URLSearchParams(bodies.tokenForm).get('code');
    const json = JSON.stringify({ grant_type: 'ocm_authorization_code', client_id: 'x', code });
    expect(isCheckProbe({ path: '/ocm/token', body: json })).toBe(true);
  });

  it('leaves real traffic alone: a share to a real user, a real code, other endpoints, unreadable bodies', () => {
    const real = JSON.stringify({ ...JSON.parse(bodies.share), shareWith: 'carol@127.0.0.1:9001' });
    expect(isCheckProbe({ path: '/ocm/shares', body: real })).toBe(false);
    const realToken = tokenRequestForm({ clientId: '127.0.0.1:8080', code: 'a-shared-secret' });
    expect(isCheckProbe({ path: '/ocm/token', body: realToken })).toBe(false);
    expect(isCheckProbe({ path: '/ocm/notifications', body: bodies.invalidShare })).toBe(false);
    expect(isCheckProbe({ path: '/ocm/shares', body: '' })).toBe(false);
    expect(isCheckProbe({ path: '/ocm/shares', body: '[1,2]' })).toBe(false);
  });
});
