import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds.ts';
import { jsonSchemaFor } from './json-schema.ts';

describe('jsonSchemaFor', () => {
  it.each(KINDS)('exports %s as an object schema with its required fields', (kind) => {
    const schema = jsonSchemaFor(kind);
    expect(schema.type).toBe('object');
    expect(schema.$schema).toMatch(/json-schema/);
  });
  it('keeps what the spec requires and closes what it closes', () => {
    const discovery = jsonSchemaFor('discovery');
    expect(discovery.required).toEqual(expect.arrayContaining(['enabled', 'apiVersion', 'endPoint', 'resourceTypes']));
    expect(discovery).toMatchObject({
      properties: {
        resourceTypes: {
          items: { properties: { protocols: { properties: { 'webdav-receive': { additionalProperties: false } } } } },
        },
      },
    });
    expect(jsonSchemaFor('share')).toMatchObject({
      required: expect.arrayContaining(['shareWith', 'providerId', 'protocol']),
    });
    expect(jsonSchemaFor('invite-accepted')).toMatchObject({ required: expect.arrayContaining(['userID']) });
  });
});
