import Taro from '@tarojs/taro';
import type { ConcernCategory } from '@contracts/concerns.contract';
import { ConcernCategories } from '@contracts/concerns.constants';
import { StorageKeys } from '@/services/storage-keys';

export interface ConcernDraft {
  category: ConcernCategory | null;
  text: string;
  /** Key of the last submission attempt whose outcome is unknown; reused on retry. */
  idempotencyKey: string | null;
}

export const EMPTY_DRAFT: ConcernDraft = { category: null, text: '', idempotencyKey: null };

function isCategory(value: unknown): value is ConcernCategory {
  return typeof value === 'string' && (ConcernCategories as readonly string[]).includes(value);
}

export function loadDraft(): ConcernDraft {
  const raw: unknown = Taro.getStorageSync(StorageKeys.concernDraft);
  if (!raw || typeof raw !== 'object') return EMPTY_DRAFT;
  const draft = raw as Record<string, unknown>;
  return {
    category: isCategory(draft.category) ? draft.category : null,
    text: typeof draft.text === 'string' ? draft.text : '',
    idempotencyKey: typeof draft.idempotencyKey === 'string' ? draft.idempotencyKey : null,
  };
}

export function saveDraft(draft: ConcernDraft): void {
  Taro.setStorageSync(StorageKeys.concernDraft, draft);
}

export function clearDraft(): void {
  Taro.removeStorageSync(StorageKeys.concernDraft);
}
