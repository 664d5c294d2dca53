import { readDirectory } from '../directory.ts';
import type { Clues } from './types.ts';

/**
 * A Directory Service document: signed (a JWS) since the draft required it in Dec 2025 (1.3); plain JSON
 * is the earlier form, from when the appendix and its url rules came (1.2).
 */
export function directoryClues(doc: unknown): Clues {
  const { form } = readDirectory(doc);
  if (form === 'plain')
    return {
      min: '1.2',
      dialect: 'spec',
      evidence: [{ path: '', reason: 'an unsigned directory is the form before the JWS requirement (1.2)' }],
    };
  return {
    min: '1.3',
    dialect: 'spec',
    evidence: [
      {
        path: form === 'jws-compact' ? '' : '/payload',
        reason:
          form === 'jws-decoded'
            ? "the draft example's decoded JWS view: a signed directory (1.3+)"
            : 'a signed JWS around the server list (1.3+)',
      },
    ],
  };
}
