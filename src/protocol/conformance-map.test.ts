import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CAVAGE_PROBLEM_CODES, FRESHNESS_CODES, VERIFY_FAILURE_CODES } from '../signing/index.ts';
import { CHECK_LINES } from './check/catalogue.ts';
import { RULES } from './lint/catalogue.ts';

// docs/conformance.md names the rules and tests behind each statement of draft-07; this keeps it honest as
// rules are renamed or removed and tests move.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAP = readFileSync(`${ROOT}docs/conformance.md`, 'utf8');

const NAMESPACES: Record<string, readonly string[]> = {
  rfc9421: VERIFY_FAILURE_CODES,
  cavage: CAVAGE_PROBLEM_CODES,
  freshness: FRESHNESS_CODES,
  check: Object.keys(CHECK_LINES),
};
const STATUSES = ['enforced', 'partly', 'n/a', 'GAP'];

interface Row {
  line: number;
  statement: string;
  rules: string[];
  tests: string[];
  status: string;
}

const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** The rows of every table whose header is | Statement | Level | Rules | Tests | Status |. */
function rows(text: string): Row[] {
  const out: Row[] = [];
  const lines = text.split('\n');
  let inTable = false;
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) {
      inTable = false;
      return;
    }
    // Cells split on " | " (a pipe inside a cell would need escaping, and the map has none).
    const cells = line
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim());
    if (cells[0] === 'Statement') {
      expect(cells, `line ${i + 1}`).toEqual(['Statement', 'Level', 'Rules', 'Tests', 'Status']);
      inTable = true;
      return;
    }
    if (!inTable || /^-+$/.test(cells[0]!.replace(/\s/g, ''))) return;
    expect(cells.length, `line ${i + 1} has ${cells.length} cells`).toBe(5);
    out.push({
      line: i + 1,
      statement: cells[0]!,
      rules: ticked(cells[2]!),
      tests: ticked(cells[3]!),
      status: cells[4]!,
    });
  });
  return out;
}

function known(id: string): boolean {
  const colon = id.indexOf(':');
  if (colon < 0) return id in RULES;
  const list = NAMESPACES[id.slice(0, colon)];
  return list !== undefined && list.includes(id.slice(colon + 1));
}

const ROWS = rows(MAP);

describe('docs/conformance.md', () => {
  it('maps the draft sections the issue asks for, and RFC 9421 §3.2', () => {
    const headings = MAP.split('\n').filter((l) => l.startsWith('#'));
    for (const title of [
      '## Terms',
      '### Invite Acceptance Request Details',
      '### Invite Acceptance Response Details',
      '## OCM API Discovery',
      '## HTTP Message Signatures',
      '### Verification Requirements',
      '## Share Creation Notification',
      '### Response',
      '## Notifications',
      '### Resharing and Request to Share',
      '### Recipient Removal',
      '## Code Flow',
      '### Token Request',
      '### Token Response',
      '## RFC 9421 §3.2 Verifying a Signature',
    ])
      expect(headings).toContain(title);
    expect(ROWS.length).toBeGreaterThan(100);
  });

  it('names only rule ids that exist in the lint catalogue, the verify codes or the Check lines', () => {
    const unknown = ROWS.flatMap((r) => r.rules.filter((id) => !known(id)).map((id) => `line ${r.line}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('names only test files that exist', () => {
    const missing = ROWS.flatMap((r) =>
      r.tests.filter((path) => !existsSync(`${ROOT}${path}`)).map((path) => `line ${r.line}: ${path}`),
    );
    expect(missing).toEqual([]);
    for (const r of ROWS) for (const path of r.tests) expect(path, `line ${r.line}`).toMatch(/\.test\.ts$/);
  });

  it('gives every row a status, and says what enforces an enforced one', () => {
    for (const r of ROWS) {
      expect(
        STATUSES.some((s) => r.status.startsWith(s)),
        `line ${r.line}: ${r.status}`,
      ).toBe(true);
      if (r.status.startsWith('enforced')) expect(r.rules.length + r.tests.length, `line ${r.line}`).toBeGreaterThan(0);
      if (r.status.startsWith('n/a') || r.status.startsWith('GAP'))
        expect(r.status.length, `line ${r.line} gives no reason`).toBeGreaterThan(8);
    }
  });

  it('quotes each statement briefly (25 words at most, ellipses aside)', () => {
    const long = ROWS.filter((r) => r.statement.replace(/…/g, ' ').split(/\s+/).filter(Boolean).length > 25);
    expect(long.map((r) => `line ${r.line}`)).toEqual([]);
  });
});
