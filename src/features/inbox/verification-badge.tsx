import type { Verification } from '../../contract/inbound.ts';
import { Badge, type Tone } from '../../ui/badge.tsx';

const LOOK: Record<Verification['status'], { tone: Tone; text: string }> = {
  verified: { tone: 'good', text: 'signature verified' },
  failed: { tone: 'bad', text: 'signature failed' },
  unsigned: { tone: 'warn', text: 'unsigned' },
  unchecked: { tone: 'neutral', text: 'signature not checked' },
};

// Signed, but not for OCM (no tag="ocm"): to an OCM receiver the request is unsigned.
const UNSIGNED_FOR_OCM = { tone: 'warn', text: 'unsigned for OCM' } as const;

export function VerificationBadge({ verification }: { verification?: Verification }) {
  if (!verification) return <Badge>processing…</Badge>;
  const look =
    verification.status === 'unsigned' && verification.otherSignatures?.length
      ? UNSIGNED_FOR_OCM
      : LOOK[verification.status];
  return (
    <Badge tone={look.tone} title={verification.summary}>
      {look.text}
    </Badge>
  );
}
