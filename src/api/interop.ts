import { mutationOptions } from '@tanstack/react-query';
import { exchangesSentIn, interopReportSchema, type InteropRequest } from '../contract/interop.ts';
import { recordExchanges } from './history.ts';
import { requestJson } from './http.ts';

/** Runs the interop report of one peer on the console's server (it runs the flows and reads its inbox). */
export function runInteropMutation() {
  return mutationOptions({
    mutationFn: async (input: InteropRequest) => {
      const report = await requestJson('/api/interop', interopReportSchema, { method: 'POST', body: input });
      // What the console sent during the run goes to history, like Check's probes; what the peer sent stays in the Inbox.
      void recordExchanges(exchangesSentIn(report), { page: 'interop' });
      return report;
    },
  });
}
