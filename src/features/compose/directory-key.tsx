import { useEffect, useState } from 'react';
import { findingsAfterKeyCheck, nothingToVerify, readDirectoryText, type Finding } from '../../protocol/index.ts';
import { verifyJws } from '../../signing/index.ts';
import { TextArea } from '../../ui/field.tsx';

export type DirectoryVerdict =
  | { state: 'no-key' }
  | { state: 'no-jws'; why: string }
  | { state: 'checking' }
  | { state: 'verified'; alg: string }
  | { state: 'failed'; reason: string };

/**
 * The JWS of a Directory Service document checked with the federation key the user gave (the key comes out
 * of band, so the linter alone never has it). Nothing is checked without a key.
 */
export function useDirectoryVerdict(text: string, key: string, enabled: boolean): DirectoryVerdict {
  // The last verdict, with the JWS and key it is for: a stale one reads as "checking".
  const [checked, setChecked] = useState<{ jws: string; key: string; verdict: DirectoryVerdict }>();
  const reading = enabled && key.trim() ? readDirectoryText(text) : null;
  const jws = reading?.jws;
  const why = nothingToVerify(reading) ?? '';
  useEffect(() => {
    if (!jws) return;
    let current = true;
    void verifyJws(jws, key).then((v) => {
      if (current)
        setChecked({
          jws,
          key,
          verdict: v.ok ? { state: 'verified', alg: v.alg } : { state: 'failed', reason: v.reason },
        });
    });
    return () => {
      current = false;
    };
  }, [jws, key]);
  if (!enabled || !key.trim()) return { state: 'no-key' };
  if (!jws) return { state: 'no-jws', why };
  return checked && checked.jws === jws && checked.key === key ? checked.verdict : { state: 'checking' };
}

/** Once the key was used, the linter's "not checked here" note gives way to the verdict shown beside it. */
export function findingsWithVerdict<F extends Pick<Finding, 'code'>>(findings: F[], verdict: DirectoryVerdict): F[] {
  return findingsAfterKeyCheck(findings, verdict.state === 'verified' || verdict.state === 'failed');
}

/** The optional federation key field of the directory kind, and what checking the JWS with it gave. */
export function DirectoryKeyField({
  value,
  onValue,
  verdict,
}: {
  value: string;
  onValue: (v: string) => void;
  verdict: DirectoryVerdict;
}) {
  return (
    <div className="space-y-1">
      <TextArea
        label="Federation key, to verify the directory's signature (PEM or JWK, optional)"
        mono
        rows={2}
        value={value}
        onValue={onValue}
        spellCheck={false}
      />
      {verdict.state === 'no-key' ? null : (
        <p
          role="status"
          aria-label="Signature"
          className={`text-sm ${
            verdict.state === 'verified'
              ? 'text-emerald-700 dark:text-emerald-400'
              : verdict.state === 'failed'
                ? 'text-red-700 dark:text-red-400'
                : 'text-slate-600 dark:text-slate-400'
          }`}
        >
          {verdict.state === 'checking'
            ? 'Checking the signature…'
            : verdict.state === 'verified'
              ? `Signature verified with the federation key (${verdict.alg}).`
              : verdict.state === 'failed'
                ? `Signature NOT verified: ${verdict.reason}`
                : `Not verified: ${verdict.why}.`}
        </p>
      )}
    </div>
  );
}
