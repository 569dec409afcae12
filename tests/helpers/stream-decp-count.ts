/**
 * Child process of tests/file/decp-stream.test.ts: streams a DECP file and prints the number of
 * items and the last id. Run with a small heap (--max-old-space-size): a reader that held the
 * whole file would run out of memory and exit non-zero.
 */
import { streamDecpItems } from "../../src/file/decp-stream";

async function main(file: string): Promise<void> {
  let count = 0;
  let lastId = "";
  for await (const s of streamDecpItems(file)) {
    count++;
    lastId = (s.item as { id: string }).id;
  }
  process.stdout.write(JSON.stringify({ count, lastId }) + "\n");
}

void main(process.argv[2]);
