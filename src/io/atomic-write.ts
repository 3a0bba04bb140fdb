// Writes a set of output files all-or-nothing: every file goes to a temp file next to its
// target, and only when all temps are written are they renamed over the targets. A failure
// removes the temps (and any target this call created), so a reader never sees half an output.
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface FileToWrite {
  path: string;
  content: string;
}

/** The file-system calls used, replaceable so tests can inject a failure at any step. */
export interface AtomicWriteFs {
  /** Creates `path` (failing if it exists), writes `content` as UTF-8 and flushes it to disk;
   *  on failure leaves no file it created behind. */
  writeNew(path: string, content: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
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
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  async exists(path) {
    try {
      await lstat(path);
      return true;
    } catch {
      return false;
    }
  },
};

/**
 * Writes all files or none. Targets that existed are replaced; if a rename fails part-way,
 * targets this call created are removed again, but a target already replaced cannot be
 * restored (renames within one directory practically only fail when the target is a
 * directory or the disk is gone, so this is the rare case).
 */
export async function writeFilesAtomic(files: readonly FileToWrite[], fs: AtomicWriteFs = NODE_FS): Promise<void> {
  const targets = files.map((f) => resolve(f.path));
  if (new Set(targets).size !== targets.length) throw new Error('atomic-write: the same path is given twice');
  // One random tag per call: temps of concurrent calls never collide.
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temps = targets.map((t) => join(dirname(t), `.${basename(t)}.${tag}.tmp`));

  const written: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const temp = temps[i] as string;
      await fs.writeNew(temp, file.content);
      written.push(temp);
    }
  } catch (error) {
    await removeAll(fs, written);
    throw error;
  }

  const existedBefore = await Promise.all(targets.map((t) => fs.exists(t)));
  let renamed = 0;
  try {
    for (; renamed < targets.length; renamed++) await fs.rename(temps[renamed] as string, targets[renamed] as string);
  } catch (error) {
    await removeAll(fs, temps.slice(renamed));
    await removeAll(fs, targets.slice(0, renamed).filter((_, i) => existedBefore[i] === false));
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
