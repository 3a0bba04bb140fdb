// /v1/openapi.json: a valid OpenAPI 3.1 document, generated from the service's zod schemas,
// that describes every route the service has (a route added without a schema shows here).
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestService, startTestService } from './helpers.js';

let service: TestService;
let document: { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
beforeAll(async () => {
  service = await startTestService();
  // Public: no API key needed to read the API's description.
  const response = await service.app.inject({ method: 'GET', url: '/v1/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = response.json();
});
afterAll(async () => {
  await service.dispose();
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, every $ref resolving', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('has every /v1 route of the service, with its method', () => {
    const apiRoutes = service.routes.filter((r) => r.url.startsWith('/v1/') && r.method !== 'HEAD' && r.url !== '/v1/openapi.json');
    expect(apiRoutes.length).toBeGreaterThanOrEqual(8);
    for (const route of apiRoutes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(document.paths[path], `${route.method} ${path}`).toBeDefined();
      expect(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });

  it('states both submission bodies, JSON and multipart', () => {
    const content = document.paths['/v1/jobs']?.post?.requestBody?.content ?? {};
    expect(Object.keys(content).sort()).toEqual(['application/json', 'multipart/form-data']);
  });
});
