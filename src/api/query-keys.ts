/** Hierarchical query keys: invalidating a prefix refreshes everything under it. */
export const queryKeys = {
  all: ['ocm-explorer'] as const,
  health: () => [...queryKeys.all, 'health'] as const,
};
