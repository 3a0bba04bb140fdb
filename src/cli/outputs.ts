// The output files a command was asked to write (`--out`, `--csv`, … or `-` for stdout): checked
// before any work, written all-or-nothing at the end, and every file-system failure turned into
// a usage error (exit 1) that names the option, the path and why, in words — never a stack trace.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { type AtomicWriteFs, type FileToWrite, NODE_FS, writeFilesAtomic } from '../io/atomic-write.js';

/** The path that means "standard output". */
export const STDOUT_PATH = '-';

/** Paths that name this process's standard output: written as `-` is, through the stream the
 *  summary would also use (opened again by name they would overwrite each other). */
const STDOUT_ALIASES = new Set([STDOUT_PATH, '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);
const isStdout = (path: string | null): boolean => path !== null && STDOUT_ALIASES.has(path);

/** An output that could not be written (exit 1, like a usage error, but not about the syntax). */
export class OutputError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** One requested output: the option that named it, and its path. */
export interface OutputFile extends FileToWrite {
  option: string;
}

/** Whether any requested output goes to standard output (the summary then goes to stderr). */
export function usesStdout(paths: readonly (string | null)[]): boolean {
  return paths.some(isStdout);
}

/**
 * Fails before any work when an output cannot be written where asked: two options naming one
 * file (two `-` included), or a parent that is not an existing, writable directory. Anything
 * else (a full disk, a failing device) surfaces, cleanly, when the files are written.
 */
export function checkOutputPaths(outputs: readonly { option: string; path: string | null }[]): void {
  const seen = new Map<string, string>();
  for (const { option, path } of outputs) {
    if (path === null) continue;
    const target = isStdout(path) ? STDOUT_PATH : resolve(path);
    const other = seen.get(target);
    if (other !== undefined) throw new UsageError(`${other} and ${option} name the same file "${path}"`);
    seen.set(target, option);
    if (isStdout(path)) continue;
    try {
      // An existing non-regular target (a device, a pipe, /dev/stdout) is written through.
      if (!statSync(target).isFile()) {
        if (statSync(target).isDirectory()) throw new OutputError(`${option}: cannot write "${path}": it is a directory; no output file was written`);
        continue;
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // Missing: its directory is checked below.
    }
    const dir = dirname(target);
    let isDirectory = false;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch {
      // Missing: reported below like a non-directory.
    }
    if (!isDirectory) throw new OutputError(`${option}: cannot write "${path}": directory "${dir}" does not exist; no output file was written`);
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      throw new OutputError(`${option}: cannot write "${path}": directory "${dir}" is not writable; no output file was written`);
    }
  }
}

/** File-system failures, in words. All are the caller's to fix: exit 1, not an internal error. */
const FS_ERRORS: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large for the file system',
  EIO: 'an input/output error on the device',
  ENXIO: 'no such device (a pipe with no reader?)',
  EPIPE: 'the reader closed the pipe',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EINVAL: 'the device does not accept writes',
};

/**
 * Writes the outputs all-or-nothing: files through writeFilesAtomic, `-` to `stdout` once every
 * file is written (so a failed file write prints nothing). Returns the paths written, in order.
 */
export async function writeOutputs(
  files: readonly OutputFile[],
  stdout: (text: string) => void,
  fs: AtomicWriteFs = NODE_FS,
): Promise<string[]> {
  const toStdout = files.filter((f) => isStdout(f.path));
  const toFiles = files.filter((f) => !isStdout(f.path));
  try {
    if (toFiles.length > 0) await writeFilesAtomic(toFiles, fs);
  } catch (error) {
    throw asUsageError(error, toFiles);
  }
  for (const f of toStdout) stdout(f.content);
  return files.map((f) => (isStdout(f.path) ? 'stdout' : f.path));
}

/** A write failure as a usage error naming the output; unknown failures pass unchanged. */
function asUsageError(error: unknown, files: readonly OutputFile[]): unknown {
  const e = error as NodeJS.ErrnoException & { dest?: string };
  // Any system error of the file system is about the output, not a bug: in words if known.
  if (typeof e.code !== 'string' || !/^E[A-Z]+$/.test(e.code)) return error;
  const why = FS_ERRORS[e.code] ?? (e.syscall === undefined ? e.message : `${e.syscall} failed`);
  // A failed rename names the target as `dest`, a failed temp write names the temp (.<name>.<tag>.tmp).
  const failed = resolve(e.dest ?? e.path ?? '');
  const culprit = files.find((f) => resolve(f.path) === failed || isTempOf(failed, resolve(f.path)));
  const where = culprit === undefined ? `cannot write "${failed}": ` : `${culprit.option}: cannot write "${culprit.path}": `;
  return new OutputError(`${where}${why} (${e.code}); no output file was written`);
}

/** Whether `file` is a temp or backup file writeFilesAtomic made for `target` (beside it). */
function isTempOf(file: string, target: string): boolean {
  const name = basename(file);
  return dirname(file) === dirname(target) && name.startsWith(`.${basename(target)}.`) && (name.endsWith('.tmp') || name.endsWith('.bak'));
}
