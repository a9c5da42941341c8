/** Issue 10 — this module's entities (registered in database/entities.ts). */
export const REGISTER_ENTITIES: Function[] = [];
