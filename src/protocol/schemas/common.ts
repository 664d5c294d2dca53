import { z } from 'zod';

// Shapes shared by several kinds. Objects are loose where the spec lets senders add fields (unknown
// ones are reported as info by the linter), strict where the spec closes them.
export const str = z.string();
export const strings = z.array(z.string());
export const optStr = z.string().optional();
