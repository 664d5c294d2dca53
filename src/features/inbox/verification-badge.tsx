import type { Verification } from '../../contract/inbound.ts';
import { Badge, type Tone } from '../../ui/badge.tsx';

const LOOK: Record<Verification['status'], { tone: Tone; text: string }> = {
  verified: { tone: 'good', text: 'signature verified' },
  failed: { tone: 'bad', text: 'signature failed' },
  unsigned: { tone: 'warn', text: 'unsigned' },
  unchecked: { tone: 'neutral', text: 'signature not checked' },
};

export function VerificationBadge({ verification }: { verification?: Verification }) {
  if (!verification) return <Badge>processing…</Badge>;
  const look = LOOK[verification.status];
  return (
    <Badge tone={look.tone} title={verification.summary}>
      {look.text}
    </Badge>
  );
}
