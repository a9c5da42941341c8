import { z } from 'zod';
import type { Role } from './roles';

export type AreaLevel = 'street' | 'community' | 'grid' | 'department';

export interface AreaRef {
  level: AreaLevel;
  id: number;
  name: string;
}

export interface MyUnit {
  unitId: number;
  /** e.g. "创业一社区 3号楼 2单元" */
  label: string;
  communityId: number;
  gridId: number;
  confirmed: boolean;
}

/** GET /api/me */
export interface MeResponse {
  id: number;
  name: string;
  role: Role;
  /** Masked, e.g. 138****5678; null when unknown. */
  phoneMasked: string | null;
  unit: MyUnit | null;
  /** Staff: the area they serve. Residents: null. */
  scope: AreaRef | null;
}

/** PUT /api/me/unit — the resident chooses where they live. */
export const SetMyUnitRequestSchema = z.object({ unitId: z.number().int().positive() }).strict();
export type SetMyUnitRequest = z.infer<typeof SetMyUnitRequestSchema>;

/** PATCH /api/me — a resident may set their display name. */
export const UpdateMeRequestSchema = z.object({ name: z.string().trim().min(1).max(30) }).strict();
export type UpdateMeRequest = z.infer<typeof UpdateMeRequestSchema>;
