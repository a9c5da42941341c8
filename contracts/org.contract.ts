/** GET /api/org/communities */
export interface CommunityItem {
  id: number;
  name: string;
  streetName: string;
}
/** GET /api/org/communities/:id/buildings */
export interface BuildingItem {
  id: number;
  name: string;
  gridName: string;
}
/** GET /api/org/buildings/:id/units */
export interface UnitItem {
  id: number;
  name: string;
}
export interface ListResponse<T> {
  items: T[];
}

/** GET /api/org/residents/unconfirmed — grid worker: residents of their grid awaiting confirmation. */
export interface UnconfirmedResident {
  id: number;
  name: string;
  phoneMasked: string | null;
  unitLabel: string;
  since: string;
}
/** POST /api/org/residents/:id/confirm -> the updated resident */
