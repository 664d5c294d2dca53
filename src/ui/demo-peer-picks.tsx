import { useId } from 'react';
import { Button } from './button.tsx';

/** What a page needs of a demo peer to offer it as a quick pick. */
export interface PickablePeer {
  id: string;
  name: string;
  /** OCM addresses of the peer's users. */
  users: string[];
}

/** An OCM address to show as an example: a real demo peer's first user, or a neutral one when no demo mesh runs. */
export function exampleAddress(peers: readonly PickablePeer[] | undefined): string {
  return peers?.find((p) => p.users.length)?.users[0] ?? 'user@cloud.example.org';
}

/**
 * One button per demo peer, under a label that says what pressing does ("Discover a demo peer:"). Nothing
 * when no demo mesh runs.
 */
export function DemoPeerPicks<P extends PickablePeer>({
  action,
  peers,
  onPick,
}: {
  /** What pressing a button does, e.g. "Check a demo peer". */
  action: string;
  peers: readonly P[] | undefined;
  onPick: (peer: P) => void;
}) {
  const id = useId();
  if (!peers?.length) return null;
  return (
    <span role="group" aria-labelledby={id} className="flex flex-wrap items-center gap-2 text-sm">
      <span id={id} className="text-slate-600 dark:text-slate-400">
        {action}:
      </span>
      {peers.map((p) => (
        <Button key={p.id} size="compact" onClick={() => onPick(p)}>
          {p.name}
        </Button>
      ))}
    </span>
  );
}
