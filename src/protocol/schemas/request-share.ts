import { z } from 'zod';
import { str } from './common.ts';

/** The merged draft -05/-06 body; the earlier PR shapes are recognised by the rules. */
export const requestShareSchema = z.looseObject({
  owner: str.min(1),
  shareWith: str.min(1),
  share: str.min(1),
});

export type RequestShareDocument = z.infer<typeof requestShareSchema>;
