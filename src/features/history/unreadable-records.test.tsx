import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { historyStore } from '../../api/history.ts';
import type { Exchange } from '../../contract/exchange.ts';
import { exchangeToHarEntry, toHar } from '../../contract/har.ts';
import type { HistoryRecord } from '../../storage/history-store.ts';
import { fakeNetwork, jsonResponse, renderApp } from '../../testing/render.tsx';

const realFetch = globalThis.fetch;
beforeEach(() => {
  // happy-dom lays nothing out: the virtualised list needs a size to render its rows in.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  fakeNetwork((url) =>
    url.endsWith('/api/health')
      ? jsonResponse({ name: 'ocm-explorer', version: '0.1.0', status: 'ok', mode: 'local', uptimeSeconds: 1 })
      : new Response('not found', { status: 404 }),
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  globalThis.fetch = realFetch;
  // One database for the whole file (the console opens it once per tab): emptied between tests.
  const store = await historyStore();
  const { records, broken } = await store.list();
  await store.delete([...records.map((r) => r.id), ...broken.map((b) => b.key)]);
});

const signed: Exchange = {
  id: 'e1',
  startedAt: '2026-11-27T12:00:00.000Z',
  request: {
    method: 'POST',
    url: 'https://cloud.example.org/ocm/shares',
    headers: [['Content-Type', 'application/json']],
    body: { encoding: 'utf8', data: '{}', size: 2, truncated: false },
  },
  response: {
    status: 201,
    statusText: 'Created',
    headers: [],
    body: { encoding: 'utf8', data: '', size: 0, truncated: false },
  },
  timing: { dns: null, connect: 1, tls: null, firstByte: 2, total: 3 },
  signing: {
    profile: 'rfc9421',
    keyid: 'k',
    signatureBase: '"@method": POST',
    added: [],
  },
  insecureTls: false,
  notes: [],
};

// `_ocm` shapes that made History fail to load ("This page failed to load": the entry could then neither be
// opened nor deleted), and others it showed as nonsense.
const BAD_EXTRAS = [
  { findings: 'none' },
  { findings: { request: 'x', response: [] } },
  { findings: { request: [{ severity: 'error', path: '/name', code: 'c', message: { text: 'm' } }], response: [] } },
  { signing: { ...signed.signing, keyid: { kid: 'k' } } },
  // These did not take the page down, but showed what they should not ("Signed (undefined)…").
  { signing: 'rfc9421' },
  { signing: { ...signed.signing, signatureBase: 42 } },
  { findings: { request: [{ severity: 3, path: 1, code: 'c', message: 'm' }], response: [] } },
];

/** Opens every exchange in the list, one after the other: none may take the page down. */
async function openEach(user: ReturnType<typeof userEvent.setup>) {
  const rows = await within(screen.getByRole('list', { name: 'History' })).findAllByRole('button');
  for (const row of rows) {
    await user.click(row);
    expect(await screen.findByRole('region', { name: 'Recorded exchange' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'This page failed to load' })).toBeNull();
  }
  return rows.length;
}

describe('History: records it cannot show', () => {
  it('keeps HAR entries whose _ocm extras do not read apart, says why and where, deletes each alone', async () => {
    const user = userEvent.setup();
    renderApp('/history');
    const good = exchangeToHarEntry(signed, { source: { page: 'compose', kind: 'share' } });
    const entries = [good, ...BAD_EXTRAS.map((_ocm) => ({ ...exchangeToHarEntry(signed), _ocm }) as never)];
    const file = new File([JSON.stringify(toHar(entries, '0.1.0'))], 'mixed.har', { type: 'application/json' });
    // The page is a lazy chunk, slow to transform on a busy machine.
    await user.upload(await screen.findByLabelText('HAR file to import', {}, { timeout: 15_000 }), file);

    expect(
      await screen.findByText(
        'Imported 1 exchange from the HAR file. 7 entries could not be read ' +
          '(entries[1]._ocm.findings: expected object, got a string, …) and are listed as unreadable.',
      ),
    ).toBeInTheDocument();
    const unreadable = await screen.findByRole('region', { name: 'Unreadable records' });
    const items = within(unreadable).getAllByRole('listitem', { name: 'Unreadable record' });
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('entries[1]._ocm.findings: expected object, got a string'),
      expect.stringContaining('entries[2]._ocm.findings.request: expected array, got a string'),
      expect.stringContaining('entries[3]._ocm.findings.request[0].message: expected string, got an object'),
      expect.stringContaining('entries[4]._ocm.signing.keyid: expected string, got an object'),
      expect.stringContaining('entries[5]._ocm.signing: expected object, got a string'),
      expect.stringContaining('entries[6]._ocm.signing.signatureBase: expected string, got a number'),
      expect.stringContaining('entries[7]._ocm.findings.request[0].severity: expected one of "error", "warning"'),
    ]);
    expect(items[0]).toHaveTextContent('POST https://cloud.example.org/ocm/shares');

    // What did read opens, and shows what the file said about it.
    expect(await openEach(user)).toBe(1);
    expect(screen.getByRole('region', { name: 'Recorded exchange' })).toHaveTextContent('signed (RFC 9421)');

    await user.click(within(items[3]!).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(within(unreadable).getAllByRole('listitem', { name: 'Unreadable record' })).toHaveLength(6),
    );
    expect(unreadable).not.toHaveTextContent('entries[4]');
    const store = await historyStore();
    expect((await store.list()).broken).toHaveLength(6);
  });

  it('lists a stored record that does not parse as unreadable, opens the rest, and deletes it', async () => {
    const store = await historyStore();
    const record = (id: string, patch: object): HistoryRecord =>
      ({
        format: 2,
        id,
        savedAt: `2026-11-27T12:00:0${id.length}.000Z`,
        exchange: { ...signed, id },
        source: { page: 'compose' },
        findings: { request: [], response: [] },
        pinned: false,
        ...patch,
      }) as HistoryRecord;
    // As an earlier console (or a hand edit in the browser's tools) could have left them.
    await store.putMany([
      record('ok', {}),
      record('bad-findings', { findings: { request: 'x', response: [] } }),
      record('bad-signing', { exchange: { ...signed, signing: 'rfc9421' } }),
    ]);
    const user = userEvent.setup();
    renderApp('/history');
    const unreadable = await screen.findByRole('region', { name: 'Unreadable records' }, { timeout: 15_000 });
    expect(
      within(unreadable)
        .getAllByRole('listitem', { name: 'Unreadable record' })
        .map((i) => i.textContent),
    ).toEqual([
      expect.stringContaining('record bad-findings: findings.request: expected array, got a string'),
      expect.stringContaining('record bad-signing: exchange.signing: expected object, got a string'),
    ]);
    expect(await openEach(user)).toBe(1);

    await user.click(within(unreadable).getAllByRole('button', { name: 'Delete' })[0]!);
    await waitFor(async () => expect((await store.list()).broken.map((b) => b.key)).toEqual(['bad-signing']));
    expect((await store.list()).records.map((r) => r.id)).toEqual(['ok']);
  });
});
