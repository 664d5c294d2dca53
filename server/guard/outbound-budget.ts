import { AsyncLocalStorage } from 'node:async_hooks';

/** Takes one more outbound request from the caller's allowance, or says how long to wait for one. */
export type Charge = () => { ok: true } | { ok: false; retryAfterSeconds: number; perMinute: number };

const budget = new AsyncLocalStorage<Charge>();

/**
 * Runs the work of one API call with its caller's allowance attached, so every request the outbound
 * client sends on its behalf (a check's probes, an interop run's steps, both discovery paths) is
 * counted, not only the call that started them.
 */
export function withOutboundBudget<T>(charge: Charge, work: () => T): T {
  return budget.run(charge, work);
}

/** Counts one outbound request against the current call's allowance; none outside a limited call. */
export function chargeOutbound(): ReturnType<Charge> {
  return budget.getStore()?.() ?? { ok: true };
}
