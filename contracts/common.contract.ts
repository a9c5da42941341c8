import { z } from 'zod';

export const IdParamSchema = z.coerce.number().int().positive();

/** Cursor pagination: `cursor` is opaque to the client; pass back `nextCursor`. */
export const PageQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type PageQuery = z.infer<typeof PageQuerySchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
