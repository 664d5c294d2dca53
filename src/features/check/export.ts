import { safeParse } from 'zod/mini';
import { AREA_TITLES, checkReportSchema, type CheckReport } from '../../contract/check.ts';
import { fragmentOf, readFragment } from '../../lib/fragment.ts';
import { redact } from '../../lib/redact.ts';

/** The report as Markdown, secrets redacted: for an issue, a mailing list or meeting notes. */
export function reportMarkdown(report: CheckReport): string {
  const r = redact(report);
  const out = [
    `# OCM check of ${r.target}: ${r.grade.toUpperCase()}`,
    '',
    `Base ${r.base}, ${r.startedAt}, ${r.durationMs} ms.`,
    '',
  ];
  for (const area of r.areas) {
    out.push(
      `## ${AREA_TITLES[area.area]}: ${area.grade}`,
      '',
      '| grade | check | expected | seen |',
      '|---|---|---|---|',
    );
    for (const line of area.lines)
      out.push(
        `| ${line.grade} | ${line.title} | ${line.expected} | ${line.seen.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
      );
    out.push('');
  }
  for (const note of r.notes) out.push(`> ${note}`);
  return `${out.join('\n').trim()}\n`;
}

/** The report, redacted, as JSON text. */
export function reportJson(report: CheckReport): string {
  return `${JSON.stringify(redact(report), null, 2)}\n`;
}

/** A link that carries the redacted report in its fragment (never sent to any server). */
export function reportLink(origin: string, path: string, report: CheckReport): string {
  return `${origin}${path}${fragmentOf('report', redact(report))}`;
}

/** The report a shared link carries, or undefined when the fragment holds none (or a broken one). */
export function reportFromHash(hash: string): CheckReport | undefined {
  const value = readFragment(hash, 'report');
  if (value === undefined) return undefined;
  const parsed = safeParse(checkReportSchema, value);
  return parsed.success ? parsed.data : undefined;
}
