import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DemoPeerPicks, exampleAddress } from './demo-peer-picks.tsx';

const peers = [
  { id: 'alpha', name: 'Alpha Cloud (OCM 1.5)', users: ['carol@127.0.0.1:40123'] },
  { id: 'legacy', name: 'Legacy Cloud (Nextcloud-like 1.1)', users: ['erin@127.0.0.1:40124'] },
];

describe('DemoPeerPicks', () => {
  it('offers each demo peer under a label saying what pressing does, and hands the peer picked', async () => {
    const picked: string[] = [];
    render(<DemoPeerPicks action="Check a demo peer" peers={peers} onPick={(p) => picked.push(p.id)} />);
    const group = screen.getByRole('group', { name: 'Check a demo peer:' });
    await userEvent.click(within(group).getByRole('button', { name: 'Legacy Cloud (Nextcloud-like 1.1)' }));
    expect(picked).toEqual(['legacy']);
  });

  it('shows nothing when no demo mesh runs', () => {
    const { container } = render(<DemoPeerPicks action="Check a demo peer" peers={[]} onPick={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('exampleAddress', () => {
  it("is a real demo peer's first user, or a neutral example without a demo mesh", () => {
    expect(exampleAddress(peers)).toBe('carol@127.0.0.1:40123');
    expect(exampleAddress([{ id: 'x', name: 'X', users: [] }, ...peers])).toBe('carol@127.0.0.1:40123');
    expect(exampleAddress([])).toBe('user@cloud.example.org');
    expect(exampleAddress(undefined)).toBe('user@cloud.example.org');
  });
});
