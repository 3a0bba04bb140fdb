// API keys: the service keeps only SHA-256 hashes of the keys (from a file or the
// XBROUTE_API_KEYS environment variable), one `<name> <sha256 hex>` per line, so neither the
// key file nor the job database can leak a usable key. A request's bearer key is hashed and
// compared in constant time with each configured hash; the key's hash owns the job.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UsageError } from '../domain/errors.js';

export const API_KEYS_ENV = 'XBROUTE_API_KEYS';

export interface ApiKey {
  name: string;
  /** SHA-256 of the key, hex. */
  hash: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Parses `<name> <sha256 hex>` lines (or comma-separated entries); `#` starts a comment. */
export function parseApiKeys(text: string, source: string): ApiKey[] {
  const keys: ApiKey[] = [];
  const entries = text.split(/[\n,]/);
  entries.forEach((raw, i) => {
    const entry = raw.replace(/#.*$/, '').trim();
    if (entry === '') return;
    const parts = entry.split(/\s+/);
    const hash = (parts[1] ?? '').replace(/^sha256:/, '').toLowerCase();
    if (parts.length !== 2 || !/^[0-9a-f]{64}$/.test(hash)) {
      throw new UsageError(
        `${source}: entry ${i + 1}: expected "<name> <sha256 of the key, 64 hex digits>" (e.g. from: printf %s "$KEY" | sha256sum), found "${entry.slice(0, 80)}"`,
      );
    }
    keys.push({ name: parts[0] ?? '', hash });
  });
  return keys;
}

/**
 * The keys the service accepts: from `file` when given, else from the environment variable.
 * Throws a UsageError saying how to configure them when there are none.
 */
export function loadApiKeys(file: string | undefined, env: NodeJS.ProcessEnv): ApiKey[] {
  let keys: ApiKey[];
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`--api-keys: cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    keys = parseApiKeys(text, file);
  } else {
    keys = parseApiKeys(env[API_KEYS_ENV] ?? '', API_KEYS_ENV);
  }
  if (keys.length === 0) {
    throw new UsageError(
      `no API keys configured: give --api-keys FILE or set ${API_KEYS_ENV}, each entry "<name> <sha256 of the key>" ` +
        `(make one with: printf %s "$KEY" | sha256sum), or pass --no-auth for local use only`,
    );
  }
  return keys;
}

/** The configured key a bearer token is, or undefined. Compares every hash in constant time. */
export function findKey(keys: readonly ApiKey[], token: string): ApiKey | undefined {
  const given = Buffer.from(hashKey(token), 'hex');
  let found: ApiKey | undefined;
  for (const key of keys) {
    // No early exit: the time taken does not say which key (or how much of one) matched.
    if (timingSafeEqual(given, Buffer.from(key.hash, 'hex')) && found === undefined) found = key;
  }
  return found;
}
