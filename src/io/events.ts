// Reading a disruption events file (the I/O edge): JSON, schema version, the zod schema, then
// the checks against the network (src/domain/events.ts). Every problem names the file and the
// JSON path; nothing is planned on a bad file.
import { type Disruption, EventsFile, EVENTS_SCHEMA, checkEvents } from '../domain/events.js';
import { InputError } from '../domain/errors.js';
import type { NetworkIndex } from '../domain/network-index.js';
import { readJsonDocument } from './json-text.js';
import { readInputFile } from './load.js';
import { ProblemList, addZodIssues, jsonPlace } from './problems.js';

/** The events of a file's text, checked against the network; an InputError lists every problem. */
export function parseEventsText(text: string, file: string, index: NetworkIndex): Disruption[] {
  const list = new ProblemList(file);
  const root = readJsonDocument(text, EVENTS_SCHEMA, list);
  if (root !== undefined) {
    const parsed = EventsFile.safeParse(root);
    if (parsed.success) {
      for (const p of checkEvents(parsed.data.events, index, file)) list.push(p);
      if (list.errorCount === 0) return parsed.data.events;
    } else {
      addZodIssues(list, parsed.error.issues, jsonPlace(root));
    }
  }
  throw new InputError(list.all());
}

export function loadEvents(path: string, index: NetworkIndex): Disruption[] {
  const read = readInputFile(path);
  if ('problem' in read) throw new InputError([read.problem]);
  return parseEventsText(read.text, path, index);
}
