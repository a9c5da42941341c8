import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { useAction } from '@/hooks/use-action';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { deleteMyAccount, exportMyData, getMyData } from '@/services/privacy.api';
import { clearToken, goToLogin } from '@/services/session';

/** 我的数据与注销: the data view, its export, and the two-step account deletion (explain, then confirm). */
export function useDataModel() {
  const data = useResource(getMyData);
  const { reload } = data;
  const me = useMe(useCallback(async () => {
    await reload();
  }, [reload]));
  // Two actions, each with its own spinner and message (the export's under its button, the deletion's in its card).
  const exporting = useAction();
  const deleting = useAction();
  /** Step 1 shows what is deleted and what is kept; step 2 asks once more before deleting. */
  const [explaining, setExplaining] = useState(false);

  const doExport = async () => {
    if (await exporting.run('export', exportMyData)) void Taro.showToast({ title: '已导出', icon: 'none' });
  };

  const confirmDelete = async () => {
    if (deleting.busy) return;
    const answer = await Taro.showModal({
      title: '最后确认',
      content: '注销后不能恢复，您的姓名、手机号和住址会被删除。确定注销吗？',
      confirmText: '确定注销',
      cancelText: '不注销了',
    });
    if (!answer.confirm || !(await deleting.run('delete', deleteMyAccount))) return;
    clearToken();
    void Taro.showToast({ title: '账号已注销', icon: 'none' });
    goToLogin();
  };

  return {
    data: data.data,
    loading: (me.loading || data.loading) && !data.data,
    error: me.error ?? data.error,
    reload: () => void me.reload(),
    isResident: me.me?.role === 'resident',
    exporting: exporting.busy !== null,
    exportError: exporting.error,
    doExport: () => void doExport(),
    explaining,
    startDelete: () => setExplaining(true),
    cancelDelete: () => setExplaining(false),
    deleting: deleting.busy !== null,
    deleteError: deleting.error,
    confirmDelete: () => void confirmDelete(),
  };
}
