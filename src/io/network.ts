// The network from JSON text: syntax, schema version, zod schema, then the semantic checks
// of domain/check-network. Pure: text and a file label in, the network and located problems out.
import { checkNetwork } from '../domain/check-network.js';
import { NETWORK_SCHEMA, Network } from '../domain/network.js';
import { readJsonDocument } from './json-text.js';
import { type Parsed, ProblemList, addZodIssues, jsonPlace, orThrow } from './problems.js';

/** The network (undefined when its schema fails: the semantic checks need a well-formed one) and every problem. */
export function readNetworkText(text: string, file: string): Parsed<Network | undefined> {
  const list = new ProblemList(file);
  const root = readJsonDocument(text, NETWORK_SCHEMA, list);
  if (root === undefined) return { value: undefined, problems: list.all() };
  const result = Network.safeParse(root);
  if (!result.success) {
    addZodIssues(list, result.error.issues, jsonPlace(root));
    return { value: undefined, problems: list.all() };
  }
  for (const p of checkNetwork(result.data, file)) list.push(p);
  return { value: result.data, problems: list.all() };
}

/** The network, or an InputError carrying every error (warnings such as unreachable zones do not throw). */
export function parseNetworkText(text: string, file: string): Network {
  const network = orThrow(readNetworkText(text, file));
  // orThrow returned, so there were no errors, so the schema passed.
  if (network === undefined) throw new Error('internal: network without errors but no value');
  return network;
}
