import { describe, expect, it } from 'vitest';
import { listRules } from './lint/catalogue.ts';
import { SECTIONS, sectionTitle, specRef } from './spec-refs.ts';

describe('spec references', () => {
  it('give every section a title and an https link to the draft or the spec repository', () => {
    for (const [id, section] of Object.entries(SECTIONS)) {
      expect(section.title.length, id).toBeGreaterThan(3);
      expect(section.url).toMatch(
        /^https:\/\/(datatracker\.ietf\.org\/doc\/html\/draft-ietf-ocm-open-cloud-mesh#name-|github\.com\/cs3org\/OCM-API\/|www\.rfc-editor\.org\/)/,
      );
    }
    expect(specRef('signatures')).toEqual({
      section: 'signatures',
      url: 'https://datatracker.ietf.org/doc/html/draft-ietf-ocm-open-cloud-mesh#name-http-message-signatures',
    });
  });
  it('cover the section of every rule in the catalogue, which the UI can list', () => {
    const rules = listRules();
    expect(rules.length).toBeGreaterThan(90);
    for (const rule of rules) {
      expect(sectionTitle(rule.section), rule.code).toBeTruthy();
      expect(rule.title.length, rule.code).toBeGreaterThan(10);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
    expect(new Set(rules.map((r) => r.code)).size).toBe(rules.length);
  });
});
