// Writes a set of output files all-or-nothing: every regular file goes to a temp file next to
// its (symlink-resolved) target; files that are not regular (a terminal, a pipe, /dev/stdout,
// a device) are written through; only when all of that worked are the temps renamed over the
// targets, each replaced target kept as a backup until every rename is done, so a failed
// rename puts back what was there. A reader never sees half an output set.
// Temp and backup files in flight are registered so a signal handler can remove them.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { copyFile, link, lstat, open, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

export interface FileToWrite {
  path: string;
  content: string;
}

/** What is at a target path, following symlinks. */
export type TargetKind = 'missing' | 'file' | 'directory' | 'other';

/** The file-system calls used, replaceable so tests can inject a failure at any step. */
export interface AtomicWriteFs {
  /** Creates `path` (failing if it exists), writes `content` as UTF-8 and flushes it to disk;
   *  on failure leaves no file it created behind. */
  writeNew(path: string, content: string): Promise<void>;
  /** Writes `content` into an existing non-regular file (device, pipe, terminal) in place. */
  writeThrough(path: string, content: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Makes `to` a second name (or, where links are impossible, a copy) of the file `from`. */
  keep(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** What `path` is once symlinks are followed. */
  kind(path: string): Promise<TargetKind>;
  /** `path` if it is not a symlink, else where it points (relative links resolved), else null. */
  linkTarget(path: string): Promise<string | null>;
}

export const NODE_FS: AtomicWriteFs = {
  async writeNew(path, content) {
    // 'wx': never clobber a file that happens to have the temp's name.
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      // Flushed before the rename, so a crash cannot leave a renamed but empty file.
      await handle.sync();
    } catch (error) {
      // The file is ours (open created it): a half-written temp must not stay behind.
      await handle.close().catch(() => undefined);
      await rm(path, { force: true }).catch(() => undefined);
      throw error;
    }
    await handle.close();
  },
  async writeThrough(path, content) {
    // 'w' on a device or pipe neither creates nor replaces anything; no fsync (pipes refuse it).
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close().catch(() => undefined);
    }
  },
  rename: (from, to) => rename(from, to),
  async keep(from, to) {
    try {
      await link(from, to);
    } catch {
      // Some file systems have no hard links; a copy keeps the content just as well.
      await copyFile(from, to);
    }
  },
  remove: (path) => rm(path, { force: true }),
  async kind(path) {
    try {
      const s = await stat(path);
      return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw error;
    }
  },
  async linkTarget(path) {
    try {
      if (!(await lstat(path)).isSymbolicLink()) return path;
    } catch {
      return path;
    }
    const to = await readlink(path);
    return isAbsolute(to) ? to : resolve(dirname(path), to);
  },
};

/** Temp and backup files that exist right now, for `removeInFlight` (a signal handler). */
const inFlight = new Set<string>();
/** Writes through (devices, pipes) under way; one may block for ever (a pipe nobody reads). */
let throughPending = 0;

/**
 * Whether a write-through is under way. A process cannot exit normally then: the blocked
 * open() or write() holds a libuv thread that exit waits for, so a signal handler must let the
 * signal kill the process instead.
 */
export function writeThroughPending(): boolean {
  return throughPending > 0;
}

/**
 * Removes, synchronously, every temp and backup file a write in progress has made; returns
 * their paths. Called by the bin on SIGINT/SIGTERM. (Targets already renamed stay renamed: the
 * renames are the last, short step, and a signal handler cannot wait for a rollback.)
 */
export function removeInFlight(): string[] {
  const removed = [...inFlight];
  for (const path of removed) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Exiting anyway; nothing more to do.
    }
  }
  inFlight.clear();
  return removed;
}

/** Symlink hops followed before giving up (the kernel's own limit is 40). */
const MAX_LINKS = 40;

/**
 * Where a write to `path` really lands: the end of its symlink chain — or the first path of it
 * under /dev or /proc, whose links (/dev/stdout → /proc/self/fd/1 → pipe:[…]) only the kernel
 * can follow.
 */
async function followLinks(path: string, fs: AtomicWriteFs): Promise<string> {
  let at = resolve(path);
  for (let i = 0; i < MAX_LINKS; i++) {
    if (isSpecialPath(at)) return at;
    const next = await fs.linkTarget(at);
    if (next === null || next === at) return at;
    at = next;
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${path}`), { code: 'ELOOP', path });
}

/** Paths whose files stand for something else (a stream, a descriptor): never replaced. */
const isSpecialPath = (path: string): boolean => /^\/(dev|proc)\//.test(path);

interface Target {
  /** The path given. */
  given: string;
  /** Where it lands: the end of the symlink chain. */
  real: string;
  content: string;
  /** Written in place (not a regular file) rather than replaced. */
  through: boolean;
  temp: string;
  backup: string;
  existed: boolean;
}

/**
 * Writes all files or none. Regular targets (and regular files behind symlinks: the link stays
 * a link) are replaced by rename; other targets (devices, pipes, /dev/stdout) are written
 * through, before any rename, so a device that fails (e.g. /dev/full: ENOSPC) leaves every
 * regular target as it was. What is written through cannot be taken back if a rename fails
 * afterwards; everything else is restored.
 */
export async function writeFilesAtomic(files: readonly FileToWrite[], fs: AtomicWriteFs = NODE_FS): Promise<void> {
  // One random tag per call: temps of concurrent calls never collide.
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const targets: Target[] = [];
  for (const file of files) {
    const real = await followLinks(file.path, fs);
    const kind = isSpecialPath(real) ? 'other' : await fs.kind(real);
    if (kind === 'directory') {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${file.path}'`), { code: 'EISDIR', path: resolve(file.path) });
    }
    const through = kind === 'other';
    const name = basename(real);
    targets.push({
      given: file.path,
      real,
      content: file.content,
      through,
      temp: join(dirname(real), `.${name}.${tag}.tmp`),
      backup: join(dirname(real), `.${name}.${tag}.bak`),
      existed: kind !== 'missing',
    });
  }
  if (new Set(targets.map((t) => t.real)).size !== targets.length) throw new Error('atomic-write: the same path is given twice');
  const regular = targets.filter((t) => !t.through);

  const cleanUp = async (paths: readonly string[]) => {
    await removeAll(fs, paths);
    for (const p of paths) inFlight.delete(p);
  };
  // 1. Every regular file's content into its temp.
  const temps: string[] = [];
  try {
    for (const t of regular) {
      inFlight.add(t.temp);
      await named(fs.writeNew(t.temp, t.content), t.temp);
      temps.push(t.temp);
    }
    // 2. Non-regular targets in place: a failure here still leaves every regular target untouched.
    for (const t of targets) {
      if (!t.through) continue;
      throughPending += 1;
      try {
        await named(fs.writeThrough(t.real, t.content), t.given);
      } finally {
        throughPending -= 1;
      }
    }
  } catch (error) {
    await cleanUp(regular.map((t) => t.temp));
    throw error;
  }

  // 3. Keep what each existing target holds, then rename; a failure puts everything back.
  const backups: string[] = [];
  let renamed = 0;
  try {
    for (const t of regular) {
      if (!t.existed) continue;
      inFlight.add(t.backup);
      await fs.keep(t.real, t.backup);
      backups.push(t.backup);
    }
    for (; renamed < regular.length; renamed++) {
      const t = regular[renamed] as Target;
      await fs.rename(t.temp, t.real);
      inFlight.delete(t.temp);
    }
  } catch (error) {
    for (const t of regular.slice(0, renamed)) {
      try {
        if (t.existed) await fs.rename(t.backup, t.real);
        else await fs.remove(t.real);
      } catch {
        // Best effort: the original error is what the user needs to see.
      }
    }
    await cleanUp([...regular.slice(renamed).map((t) => t.temp), ...backups]);
    throw error;
  }
  await cleanUp(backups);
}

/** Makes sure a failure names the file it happened to (a failed write() on a handle names none). */
async function named(work: Promise<void>, path: string): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).path === undefined) Object.assign(error, { path: resolve(path) });
    throw error;
  }
}

/** Best-effort cleanup: a failure to remove must not hide the error that caused it. */
async function removeAll(fs: AtomicWriteFs, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    try {
      await fs.remove(path);
    } catch {
      // Nothing more we can do; the original error is what the user needs to see.
    }
  }
}
