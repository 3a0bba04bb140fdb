// Redis URLs as --redis takes them: TCP, TLS, unix sockets, credentials (masked when shown), and
// a clear usage error for anything else.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import { parseRedisUrl } from '../../src/queue/redis-url.js';

describe('parseRedisUrl', () => {
  it('reads host, port and database', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/2')).toEqual({ shown: 'redis://10.0.0.5:6380/2', options: { host: '10.0.0.5', port: 6380, db: 2 } });
    expect(parseRedisUrl('redis://cache').options).toEqual({ host: 'cache', port: 6379 });
    expect(parseRedisUrl('redis://[::1]:7000').options).toEqual({ host: '::1', port: 7000 });
  });

  it('TLS, a unix socket, and credentials (the password never shown)', () => {
    expect(parseRedisUrl('rediss://h:1').options.tls).toEqual({});
    expect(parseRedisUrl('unix:///run/redis/redis.sock').options).toEqual({ path: '/run/redis/redis.sock' });
    const withAuth = parseRedisUrl('redis://planner:s3cret@h:1');
    expect(withAuth.options).toMatchObject({ username: 'planner', password: 's3cret' });
    expect(withAuth.shown).toBe('redis://planner:***@h:1');
  });

  it.each([
    ['not a url', /expected a URL/],
    ['localhost:6379', /expected redis:\/\/, rediss/],
    ['http://h:1', /expected redis:\/\/, rediss:\/\/ or unix:\/\//],
    ['redis://h:1/queue', /database number/],
    ['redis://:pw@h:1/x', /redis:\/\/:\*\*\*@h:1\/x/],
  ])('"%s" is a usage error', (url, message) => {
    expect(() => parseRedisUrl(url)).toThrow(UsageError);
    expect(() => parseRedisUrl(url)).toThrow(message);
  });
});
