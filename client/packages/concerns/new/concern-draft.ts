import Taro from '@tarojs/taro';
import type { ConcernCategory, PlaceKind } from '@contracts/concerns.contract';
import { ConcernCategories, PlaceKinds } from '@contracts/concerns.constants';
import type { UploadItem } from '@/hooks/use-photo-uploads';
import { StorageKeys } from '@/services/storage-keys';

export type DraftPhoto = UploadItem;

/** Where: the resident's unit by default; a building of their community; a public spot; a map point (weapp). */
export interface DraftPlace {
  kind: PlaceKind;
  buildingId: number | null;
  buildingName: string;
  /** The public spot in words, or the name of the map point. */
  detail: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ConcernDraft {
  category: ConcernCategory | null;
  text: string;
  /** Uploaded photos are kept with the draft; ones still uploading (or failed) are not. */
  photos: DraftPhoto[];
  place: DraftPlace;
  isPublic: boolean;
  /** Key of the last submission attempt whose outcome is unknown; reused on retry. */
  idempotencyKey: string | null;
}

export const HOME_PLACE: DraftPlace = { kind: 'unit', buildingId: null, buildingName: '', detail: '', latitude: null, longitude: null };

export const EMPTY_DRAFT: ConcernDraft = { category: null, text: '', photos: [], place: HOME_PLACE, isPublic: false, idempotencyKey: null };

function isCategory(value: unknown): value is ConcernCategory {
  return typeof value === 'string' && (ConcernCategories as readonly string[]).includes(value);
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function readPhotos(raw: unknown): DraftPhoto[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((p): p is { localPath: unknown; id: number } => !!p && typeof p === 'object' && Number.isInteger((p as { id?: unknown }).id))
    .map((p, i) => ({ key: `saved-${p.id}-${i}`, localPath: str(p.localPath), id: p.id, status: 'done' as const }));
}

function readPlace(raw: unknown): DraftPlace {
  if (!raw || typeof raw !== 'object') return HOME_PLACE;
  const p = raw as Record<string, unknown>;
  const kind = (PlaceKinds as readonly unknown[]).includes(p.kind) ? (p.kind as PlaceKind) : 'unit';
  return {
    kind,
    buildingId: num(p.buildingId),
    buildingName: str(p.buildingName),
    detail: str(p.detail),
    latitude: num(p.latitude),
    longitude: num(p.longitude),
  };
}

export function loadDraft(): ConcernDraft {
  const raw: unknown = Taro.getStorageSync(StorageKeys.concernDraft);
  if (!raw || typeof raw !== 'object') return EMPTY_DRAFT;
  const draft = raw as Record<string, unknown>;
  return {
    category: isCategory(draft.category) ? draft.category : null,
    text: str(draft.text),
    photos: readPhotos(draft.photos),
    place: readPlace(draft.place),
    isPublic: draft.isPublic === true,
    idempotencyKey: typeof draft.idempotencyKey === 'string' ? draft.idempotencyKey : null,
  };
}

export function saveDraft(draft: ConcernDraft): void {
  const photos = draft.photos
    .filter((p) => p.status === 'done' && typeof p.id === 'number')
    .map((p) => ({ localPath: p.localPath, id: p.id }));
  Taro.setStorageSync(StorageKeys.concernDraft, { ...draft, photos });
}

export function clearDraft(): void {
  Taro.removeStorageSync(StorageKeys.concernDraft);
}
