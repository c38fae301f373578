// Receipt files stored once by the SHA-256 of their content under <dataDir>/receipts/<first two hex
// digits>/<sha256>. Claims refer to a receipt by hash and size, so the same scan attached twice is kept once.
// NOTE: files are never deleted, not even when their last draft is, so removed receipts stay on disk.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export class ReceiptStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'receipts');
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Invalid receipt hash "${sha256}": expected 64 lowercase hex digits.`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /**
   * Stores the content unless a file with its hash exists, and returns the hash. The file is written
   * under a temporary name and renamed, so a crash never leaves a partial file under a hash.
   */
  put(content: Buffer): string {
    const sha256 = sha256Hex(content);
    const path = this.pathOf(sha256);
    if (existsSync(path)) return sha256;

    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      writeFileSync(temporary, content, { mode: 0o600, flush: true });
      renameSync(temporary, path);
    } finally {
      rmSync(temporary, { force: true });
    }
    return sha256;
  }

  /** Reads a stored receipt and checks it still has its hash; a changed or missing file throws. */
  read(sha256: string): Buffer {
    const content = readFileSync(this.pathOf(sha256));
    const actual = sha256Hex(content);
    if (actual !== sha256) {
      throw new Error(`The stored receipt ${sha256} was changed on disk (its SHA-256 is now ${actual}). Attach the receipt again.`);
    }
    return content;
  }
}
