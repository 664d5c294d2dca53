import { mutationOptions } from '@tanstack/react-query';
import { interopReportSchema, type InteropRequest } from '../contract/interop.ts';
import { requestJson } from './http.ts';

/** Runs the interop report of one peer on the console's server (it runs the flows and reads its inbox). */
export function runInteropMutation() {
  return mutationOptions({
    mutationFn: (input: InteropRequest) =>
      requestJson('/api/interop', interopReportSchema, { method: 'POST', body: input }),
  });
}
