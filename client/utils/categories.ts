import type { CategoryConfig } from '@contracts/concerns.contract';
import { ConcernCategories, ConcernCategoryLabels } from '@contracts/concerns.constants';

/**
 * Until the community's own category list arrives (or when it cannot be loaded): every category,
 * enabled, without hints. The server still checks the category on submission.
 */
export const defaultCategories: CategoryConfig[] = ConcernCategories.map((code) => ({
  code,
  label: ConcernCategoryLabels[code],
  hint: null,
  emergencyNotice: null,
  resolveHours: 72,
  enabled: true,
}));
