import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GradedReportHeader } from './graded-report.tsx';

const report = {
  target: 'cloud.example.org',
  grade: 'warn' as const,
  base: 'https://cloud.example.org',
  startedAt: '2026-01-01T10:00:00Z',
  durationMs: 55,
  notes: ['One note.'],
};

describe('the head of a graded report', () => {
  it('names the target and its grade once each, and where the document was read when that differs', () => {
    render(<GradedReportHeader report={report} />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading).toHaveTextContent(/^cloud\.example\.org warn$/);
    expect(screen.getAllByText('warn')).toHaveLength(1);
    expect(screen.getByText(/read from https:\/\/cloud\.example\.org · .* · took 55 ms/)).toBeInTheDocument();
    expect(screen.getByText('One note.')).toBeInTheDocument();
  });

  it('does not repeat the target as the place it was read from', () => {
    render(<GradedReportHeader report={{ ...report, target: 'https://cloud.example.org' }} />);
    expect(screen.queryByText(/read from/)).toBeNull();
    expect(screen.getAllByText('https://cloud.example.org')).toHaveLength(1);
  });
});
