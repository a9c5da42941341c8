import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ImportResult, ImportRowError } from '@contracts/registers.contract';
import { useAction } from '@/hooks/use-action';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canManageRegisters } from '@/services/permissions';
import { ImportInvalidError, pickSheet, uploadSheet, type PickedSheet } from '@/services/registers.api';

/**
 * 导入台账: pick the .xlsx, the server checks every row (dry run, nothing stored) and lists what is wrong; once the
 * sheet is clean, 确认导入 stores every row in one go (or none).
 */
export function useImportModel() {
  const gate = useRoleGate(canManageRegisters, async () => undefined);
  const action = useAction<'pick' | 'check' | 'import'>();
  const [sheet, setSheet] = useState<PickedSheet | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<{ errors: ImportRowError[]; total: number } | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);

  const send = (s: PickedSheet, dryRun: boolean) => async () => {
    try {
      const result = await uploadSheet(s, dryRun);
      if (dryRun) setChecked(result);
      else setImported(result);
    } catch (err) {
      if (err instanceof ImportInvalidError) setRowErrors({ errors: err.errors, total: err.total });
      throw err;
    }
  };

  const check = async (s: PickedSheet) => {
    setChecked(null);
    setRowErrors(null);
    setImported(null);
    await action.run('check', send(s, true));
  };

  const pick = async () => {
    const s = await pickSheet();
    if (!s) return;
    setSheet(s);
    await check(s);
  };

  return {
    gate,
    sheet,
    checked,
    rowErrors,
    imported,
    busy: action.busy,
    error: action.error,
    pick: () => void pick(),
    confirm: () => sheet && checked && void action.run('import', send(sheet, false), '导入完成'),
    back: () => void Taro.navigateBack(),
  };
}

export type ImportModel = ReturnType<typeof useImportModel>;
