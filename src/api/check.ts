import { mutationOptions } from '@tanstack/react-query';
import { checkReportSchema } from '../contract/check.ts';
import { recordExchanges } from './history.ts';
import { requestJson } from './http.ts';

/** Runs the graded check of one server on the console's server (it sends the probes). */
export function runCheckMutation() {
  return mutationOptions({
    mutationFn: async (target: string) => {
      const report = await requestJson('/api/check', checkReportSchema, { method: 'POST', body: { target } });
      // The probes' exchanges go to history too; one exchange can back several lines.
      const exchanges = new Map(
        report.areas
          .flatMap((a) => a.lines.flatMap((l) => l.evidence.flatMap((e) => (e.exchange ? [e.exchange] : []))))
          .map((e) => [e.id, e]),
      );
      void recordExchanges([...exchanges.values()], { page: 'check' });
      return report;
    },
  });
}
