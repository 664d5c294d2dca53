// A share whose top level holds `count` keys no OCM version defines: 61,000 of them fill 1 MiB. What an
// anonymous peer can send to make an unbounded linter freeze the console (measured by a test and a bench).
export function hostileShare(count: number): string {
  const share: Record<string, unknown> = {
    shareWith: 'alice@127.0.0.1',
    name: 'f.txt',
    providerId: '1',
    owner: 'b@x',
    sender: 'b@x',
    shareType: 'user',
    resourceType: 'file',
    protocol: { name: 'webdav', options: { sharedSecret: 's' } },
  };
  for (let i = 0; i < count; i++) share[`field${String(i).padStart(6, '0')}`] = 1;
  return JSON.stringify(share);
}
