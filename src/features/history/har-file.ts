import { historyStore } from '../../api/history.ts';
import { exchangeToHarEntry, toHar } from '../../contract/har.ts';
import { HAR_IMPORT_LIMITS, importHar } from '../../contract/har-import.ts';
import { redact } from '../../lib/redact.ts';
import { HISTORY_FORMAT, type HeldBackImport, type HistoryRecord } from '../../storage/history-store.ts';

/** HAR 1.2 text for records; secrets (signatures, tokens, codes, shared secrets) redacted unless asked for. */
export function harOf(records: readonly HistoryRecord[], includeSecrets: boolean, version: string): string {
  const entries = records.map((r) =>
    exchangeToHarEntry(includeSecrets ? r.exchange : redact(r.exchange), { source: r.source, findings: r.findings }),
  );
  return JSON.stringify(toHar(entries, version), null, 2);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Reads a HAR file into history; the message says how many entries came in, or what is wrong and where.
 * An entry whose `_ocm` extras do not read is kept apart, listed as unreadable with the reason.
 */
export async function importHarFile(file: Blob): Promise<{ ok: boolean; message: string }> {
  // Checked before reading: the whole file is held in memory and parsed at once.
  if (file.size > HAR_IMPORT_LIMITS.fileBytes)
    return {
      ok: false,
      message:
        `That file cannot be imported: it is ${file.size} bytes, ` +
        `more than the ${HAR_IMPORT_LIMITS.fileBytes} a HAR import reads.`,
    };
  const read = importHar(await file.text(), () => crypto.randomUUID());
  if (!read.ok) return { ok: false, message: `That file cannot be imported: ${read.error}` };
  const savedAt = new Date().toISOString();
  const records: HistoryRecord[] = read.exchanges.map(({ exchange, extras }) => ({
    format: HISTORY_FORMAT,
    id: exchange.id,
    savedAt,
    exchange,
    source: { page: 'import', ...(extras.source?.kind ? { kind: extras.source.kind } : {}) },
    findings: extras.findings ?? { request: [], response: [] },
    pinned: false,
  }));
  const heldBack: HeldBackImport[] = read.unreadable.map(({ problem, method, url, entry }) => ({
    format: HISTORY_FORMAT,
    id: crypto.randomUUID(),
    savedAt,
    heldBack: { problem, method, url },
    harEntry: entry,
  }));
  try {
    await (await historyStore()).putMany([...records, ...heldBack]);
  } catch (err) {
    return { ok: false, message: `Imported nothing: ${(err as Error).message}` };
  }
  const imported = `Imported ${plural(records.length, 'exchange')} from the HAR file.`;
  if (heldBack.length === 0) return { ok: true, message: imported };
  const one = heldBack.length === 1;
  const first = `${read.unreadable[0]!.problem}${one ? '' : ', …'}`;
  return {
    ok: true,
    message: `${imported} ${one ? '1 entry' : `${heldBack.length} entries`} could not be read (${first}) and ${
      one ? 'is' : 'are'
    } listed as unreadable.`,
  };
}
