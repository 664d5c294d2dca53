/** Hierarchical query keys: invalidating a prefix refreshes everything under it. */
export const queryKeys = {
  all: ['ocm-explorer'] as const,
  health: () => [...queryKeys.all, 'health'] as const,
  session: () => [...queryKeys.all, 'session'] as const,
  demo: () => [...queryKeys.all, 'demo'] as const,
  keys: () => [...queryKeys.all, 'keys'] as const,
  inbox: {
    all: () => [...queryKeys.all, 'inbox'] as const,
    records: () => [...queryKeys.inbox.all(), 'records'] as const,
    info: () => [...queryKeys.inbox.all(), 'info'] as const,
  },
};
