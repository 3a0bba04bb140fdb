// A Redis URL as the CLI and createPlanner take it — redis://[user:password@]host[:port][/db],
// rediss:// for TLS, or unix:///path/to/redis.sock — turned into ioredis options, and the
// URL as error messages show it (the password masked).
import type { RedisOptions } from 'ioredis';
import { UsageError } from '../domain/errors.js';

export interface RedisTarget {
  /** The URL with any password replaced by `***`: safe to print. */
  shown: string;
  /** Where and how to connect (no retry policy: each connection sets its own). */
  options: RedisOptions;
}

const DEFAULT_PORT = 6379;

export function parseRedisUrl(text: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--redis: expected a URL such as redis://127.0.0.1:6379, found "${text}"`);
  }
  const shown = url.password === '' ? text : text.replace(`:${url.password}@`, ':***@');
  const auth: RedisOptions = {
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
  };
  if (url.protocol === 'unix:') {
    if (url.pathname === '') throw new UsageError(`--redis: a unix URL needs a socket path (unix:///run/redis.sock), found "${shown}"`);
    return { shown, options: { path: decodeURIComponent(url.pathname), ...auth } };
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UsageError(`--redis: expected redis://, rediss:// or unix://, found "${shown}"`);
  }
  if (url.hostname === '') throw new UsageError(`--redis: no host in "${shown}"`);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new UsageError(`--redis: the path must be a database number (/0), found "/${db}" in "${shown}"`);
  return {
    shown,
    options: {
      // URL keeps the brackets of an IPv6 host; ioredis wants the address alone.
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? DEFAULT_PORT : Number(url.port),
      ...(db === '' ? {} : { db: Number(db) }),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
      ...auth,
    },
  };
}
