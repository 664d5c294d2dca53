// The interop report as a file to share (an issue, a mailing list, meeting notes): Markdown or JSON, with
// secrets (signatures, codes, tokens, shared secrets) redacted unless the user explicitly keeps them.
import type { Exchange } from '../../contract/exchange.ts';
import type { InteropReport } from '../../contract/interop.ts';
import { redact } from '../../lib/redact.ts';

export interface ExportOptions {
  /** Keep signatures, codes, tokens and shared secrets as they were (an explicit choice). */
  includeSecrets?: boolean;
}

const MAX_BODY = 4_000;

function bodyText(body: { encoding: string; data: string; size: number } | undefined): string {
  if (!body || !body.data) return '';
  if (body.encoding !== 'utf8') return `(${body.size} bytes, binary)`;
  return body.data.length > MAX_BODY ? `${body.data.slice(0, MAX_BODY)}\n… (${body.size} bytes in all)` : body.data;
}

/** A fence longer than any run of backticks in the text, so a body cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}http\n${text}\n${fence}`;
}

function exchangeText(e: Exchange): string {
  const req = [
    `${e.request.method} ${e.request.url}`,
    ...e.request.headers.map(([n, v]) => `${n}: ${v}`),
    ...(e.request.body?.data ? ['', bodyText(e.request.body)] : []),
  ];
  const res = [
    `${e.response.status} ${e.response.statusText}`.trim(),
    ...e.response.headers.map(([n, v]) => `${n}: ${v}`),
    ...(e.response.body.data ? ['', bodyText(e.response.body)] : []),
  ];
  const signed = e.signing ? [`Signed (${e.signing.variant ?? e.signing.profile}), keyid ${e.signing.keyid}.`] : [];
  return [fenced([...req, '', '---', '', ...res].join('\n')), ...signed, ...e.notes.map((n) => `> ${n}`)].join('\n\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as Markdown: a summary table, then each step with its deviations and its exchanges. */
export function interopMarkdown(report: InteropReport, options: ExportOptions = {}): string {
  const r = options.includeSecrets ? report : redact(report);
  const out = [
    `# OCM interop report for ${r.target}: ${r.grade.toUpperCase()}`,
    '',
    `Base ${r.base}, ${r.startedAt}, ${r.durationMs} ms. ${options.includeSecrets ? 'Secrets included.' : 'Secrets redacted.'}`,
    '',
    '| step | grade | seen |',
    '|---|---|---|',
    ...r.steps.map((s) => `| ${s.title} | ${s.grade} | ${cell(s.seen)} |`),
    '',
  ];
  for (const note of r.notes) out.push(`> ${note}`, '');
  for (const s of r.steps) {
    out.push(`## ${s.title}: ${s.grade}`, '', s.seen, '');
    if (s.deviations.length) out.push('Deviations:', '', ...s.deviations.map((d) => `- ${d.replace(/\n/g, ' ')}`), '');
    for (const e of s.evidence) {
      out.push(`### ${e.label}`, '');
      out.push(e.exchange ? exchangeText(e.exchange) : `No answer: ${e.failure?.message ?? 'unknown'}`, '');
    }
  }
  return `${out.join('\n').trim()}\n`;
}

/** The report as JSON text, redacted unless secrets are explicitly kept. */
export function interopJson(report: InteropReport, options: ExportOptions = {}): string {
  return `${JSON.stringify(options.includeSecrets ? report : redact(report), null, 2)}\n`;
}
