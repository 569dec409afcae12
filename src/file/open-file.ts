/** Opening an input file for reading, with the French errors of a missing file or a folder. */
import * as fs from "node:fs";
import { fromFileSystemError } from "./errors";

/** Opens `path` (named `label` in messages) and returns the handle and size; the caller closes it. */
export async function openForReading(
  path: string,
  label: string
): Promise<{ fh: fs.promises.FileHandle; size: number }> {
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(path, "r");
  } catch (e) {
    throw fromFileSystemError(e, label);
  }
  try {
    const stat = await fh.stat();
    if (stat.isDirectory())
      throw fromFileSystemError(Object.assign(new Error("EISDIR"), { code: "EISDIR" }), label);
    return { fh, size: stat.size };
  } catch (e) {
    await fh.close().catch(() => undefined);
    throw e;
  }
}
