import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeNetwork, healthResponse, jsonResponse, renderApp } from '../../testing/render.tsx';

beforeAll(() => import('./route.tsx'), 30_000);

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  localStorage.clear();
});

function backend() {
  fakeNetwork((url) => {
    if (url === '/api/health') return healthResponse();
    if (url === '/api/demo') return jsonResponse({ enabled: false, peers: [] });
    return new Response('{}', { status: 404 });
  });
}

// As a browser copies a signed request its server sent (Chromium, bash form).
const CURL = `curl 'https://cloud.example.org/ocm/shares' \\
  -H 'content-type: application/json' \\
  -H 'signature-input: sig1=("@method");created=1;keyid="k";tag="ocm"' \\
  -H 'signature: sig1=:AAAA:' \\
  -H 'content-digest: sha-256=:BBBB=:' \\
  -b 'oc_session=secret' \\
  --data-raw '{"shareWith":"marie@cloud.example.org"}'`;

describe('Compose from a pasted curl command', () => {
  it('fills method, URL and headers, removes the signature to sign anew, and says what it left out', async () => {
    backend();
    const user = userEvent.setup();
    renderApp('/compose');
    await user.click(await screen.findByRole('button', { name: 'Paste a curl command' }));
    const paste = screen.getByRole('region', { name: 'Paste a curl command' });
    await user.click(within(paste).getByRole('textbox', { name: /curl command/ }));
    await user.paste(CURL);
    await user.click(within(paste).getByRole('button', { name: 'Read the command' }));
    const panel = await screen.findByRole('region', { name: 'Recorded request' });
    expect(within(panel).getByRole('heading')).toHaveTextContent('Edit and send the pasted request');
    expect(within(panel).getByRole('combobox', { name: 'Method' })).toHaveValue('POST');
    expect(within(panel).getByRole('textbox', { name: 'URL' })).toHaveValue('https://cloud.example.org/ocm/shares');
    expect(within(panel).getByRole('textbox', { name: /Headers/ })).toHaveValue('content-type: application/json');
    expect(within(panel).getByRole('combobox', { name: 'Signature' })).toHaveValue('ocm');
    const notes = screen.getByRole('list', { name: 'Read from the curl command' });
    expect(notes).toHaveTextContent('the cookies (-b) were left out');
    expect(notes).toHaveTextContent('its signature headers (3) were removed');
  });

  it('keeps the signature as it is when asked, and refuses a command it cannot read with the reason', async () => {
    backend();
    const user = userEvent.setup();
    renderApp('/compose');
    await user.click(await screen.findByRole('button', { name: 'Paste a curl command' }));
    const paste = screen.getByRole('region', { name: 'Paste a curl command' });
    const box = within(paste).getByRole('textbox', { name: /curl command/ });
    await user.click(box);
    await user.paste("curl 'https://cloud.example.org/ocm/shares");
    await user.click(within(paste).getByRole('button', { name: 'Read the command' }));
    expect(paste).toHaveTextContent('Cannot read it: a single quote is never closed (at character 6).');
    await user.clear(box);
    await user.paste(CURL);
    await user.click(within(paste).getByRole('checkbox', { name: /Remove its signature/ }));
    await user.click(within(paste).getByRole('button', { name: 'Read the command' }));
    const panel = await screen.findByRole('region', { name: 'Recorded request' });
    expect(within(panel).getByRole('textbox', { name: /Headers/ })).toHaveValue(
      [
        'content-type: application/json',
        'signature-input: sig1=("@method");created=1;keyid="k";tag="ocm"',
        'signature: sig1=:AAAA:',
        'content-digest: sha-256=:BBBB=:',
      ].join('\n'),
    );
    expect(within(panel).getByRole('combobox', { name: 'Signature' })).toHaveValue('none');
  });
});
