// Dense indexes in first-seen order: how the Problem numbers its departures, port days and
// stock keys, and how a partition renumbers the ones it uses.

/** The index of `key` in `map`, giving it the next index (and calling `onNew`) the first time. */
export function internIndex<K>(map: Map<K, number>, key: K, onNew: () => void): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
    onNew();
  }
  return index;
}
