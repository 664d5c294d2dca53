import { historyStore } from '../../api/history.ts';
import { exchangeToHarEntry, importHar, toHar } from '../../contract/har.ts';
import { redact } from '../../lib/redact.ts';
import { HISTORY_FORMAT, type HistoryRecord } from '../../storage/history-store.ts';

/** HAR 1.2 text for records; secrets (signatures, tokens, codes, shared secrets) redacted unless asked for. */
export function harOf(records: readonly HistoryRecord[], includeSecrets: boolean, version: string): string {
  const entries = records.map((r) =>
    exchangeToHarEntry(includeSecrets ? r.exchange : redact(r.exchange), { source: r.source, findings: r.findings }),
  );
  return JSON.stringify(toHar(entries, version), null, 2);
}

/** Reads a HAR file into history; the message says how many entries came in, or what is wrong and where. */
export async function importHarFile(file: Blob): Promise<{ ok: boolean; message: string }> {
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
  try {
    await (await historyStore()).putMany(records);
  } catch (err) {
    return { ok: false, message: `Imported nothing: ${(err as Error).message}` };
  }
  return {
    ok: true,
    message: `Imported ${records.length} exchange${records.length === 1 ? '' : 's'} from the HAR file.`,
  };
}
