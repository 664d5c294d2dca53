import { describe, expect, it } from 'vitest';
import { addressedElsewhere, readdressDraft } from './readdress.ts';

const share = (shareWith: string) =>
  `${JSON.stringify({ shareWith, name: 'spec.pdf', providerId: 'p1', owner: 'alice@console.example' }, null, 2)}\n`;

describe('addressing a drafted message to another receiver', () => {
  it("a full address replaces the share's shareWith, and nothing else", () => {
    const result = readdressDraft('share', share('marie@receiver.example.org'), 'carol@127.0.0.1:8081')!;
    expect(result.changed).toEqual([
      { path: '/shareWith', from: 'marie@receiver.example.org', to: 'carol@127.0.0.1:8081' },
    ]);
    expect(JSON.parse(result.text)).toEqual({
      shareWith: 'carol@127.0.0.1:8081',
      name: 'spec.pdf',
      providerId: 'p1',
      owner: 'alice@console.example',
    });
  });

  it('a bare host or URL keeps the user and moves the address to that host', () => {
    expect(readdressDraft('share', share('marie@receiver.example.org'), 'cloud.example.net')!.changed[0]?.to).toBe(
      'marie@cloud.example.net',
    );
    expect(readdressDraft('share', share('marie@receiver.example.org'), 'http://127.0.0.1:8082/')!.changed[0]?.to).toBe(
      'marie@127.0.0.1:8082',
    );
  });

  it("a share request goes to the owner: it is the owner's address that follows the receiver", () => {
    const text = JSON.stringify({ owner: 'bob@old.example', shareWith: 'alice@console.example', share: 'x' });
    const result = readdressDraft('request-share', text, 'carol@new.example')!;
    expect(result.changed.map((c) => c.path)).toEqual(['/owner']);
    expect(JSON.parse(result.text).shareWith).toBe('alice@console.example');
  });

  it('leaves text that is not a JSON object, and an address already right, as it is', () => {
    expect(readdressDraft('share', '{ not json', 'carol@x.example')).toBeUndefined();
    const same = share('carol@x.example');
    expect(readdressDraft('share', same, 'carol@x.example')).toEqual({ text: same, changed: [] });
  });
});

describe('a receiver field on another host than the receiver', () => {
  it('is named with the host it is on', () => {
    expect(addressedElsewhere('share', share('marie@receiver.example.org'), 'carol@127.0.0.1:8081')).toEqual([
      { path: '/shareWith', address: 'marie@receiver.example.org', host: 'receiver.example.org' },
    ]);
  });

  it('is quiet when the host matches (typed as an address, a URL or a bare host), and for other kinds', () => {
    expect(addressedElsewhere('share', share('carol@127.0.0.1:8081'), 'dave@127.0.0.1:8081')).toEqual([]);
    expect(addressedElsewhere('share', share('carol@Cloud.Example.org'), 'https://cloud.example.org')).toEqual([]);
    expect(addressedElsewhere('notification', share('carol@a.example'), 'b.example')).toEqual([]);
  });
});
