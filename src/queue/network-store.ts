// The network in Redis, stored once under its content hash (sha256 of its canonical JSON) and
// never inside a job: jobs name it by hash, workers fetch it on first sight and keep it.
import type { Redis } from 'ioredis';
import type { Network } from '../domain/network.js';
import { canonicalJson, decodeWire, sha256Hex } from './wire.js';

/** How long a stored network is kept after it was last used to enqueue jobs. */
export const NETWORK_TTL_SECONDS = 7 * 24 * 3600;

export function networkKey(hash: string): string {
  return `xbroute:network:${hash}`;
}

export interface HashedNetwork {
  hash: string;
  text: string;
}

const hashed = new WeakMap<Network, HashedNetwork>();

/** The network's canonical text and its hash (computed once per network object). */
export function hashNetwork(network: Network): HashedNetwork {
  let found = hashed.get(network);
  if (found === undefined) {
    const text = canonicalJson(network);
    found = { hash: sha256Hex(text), text };
    hashed.set(network, found);
  }
  return found;
}

/** Stores the network unless it is there already (then only its expiry is renewed); its hash. */
export async function storeNetwork(redis: Redis, network: Network): Promise<string> {
  const { hash, text } = hashNetwork(network);
  const key = networkKey(hash);
  const set = await redis.set(key, text, 'EX', NETWORK_TTL_SECONDS, 'NX');
  if (set === null) await redis.expire(key, NETWORK_TTL_SECONDS);
  return hash;
}

/** The network stored under `hash`; checked against it, so a corrupt copy is never planned on. */
export async function fetchNetwork(redis: Redis, hash: string): Promise<Network> {
  const text = await redis.get(networkKey(hash));
  if (text === null) throw new Error(`queue worker: network ${hash} is not in Redis (expired, or stored in another Redis database)`);
  const found = sha256Hex(text);
  if (found !== hash) throw new Error(`queue worker: network ${hash} in Redis hashes to ${found}: the stored copy is corrupt`);
  return decodeWire(text) as Network;
}
