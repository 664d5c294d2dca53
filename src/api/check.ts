import { mutationOptions } from '@tanstack/react-query';
import { checkReportSchema } from '../contract/check.ts';
import { requestJson } from './http.ts';

/** Runs the graded check of one server on the console's server (it sends the probes). */
export function runCheckMutation() {
  return mutationOptions({
    mutationFn: (target: string) => requestJson('/api/check', checkReportSchema, { method: 'POST', body: { target } }),
  });
}
