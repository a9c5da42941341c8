import Taro from '@tarojs/taro';
import { RoleLabels } from '@contracts/roles';
import { useMe } from '@/hooks/use-me';
import { useLargeText } from '@/hooks/use-large-text';
import { canUseWorkbench } from '@/services/permissions';
import { Routes } from '@/services/routes';
import { logout } from '@/services/session';

export function useMeModel() {
  const { me, error, loading, reload } = useMe();
  const [largeText, setLargeText] = useLargeText();

  return {
    me,
    error,
    loading,
    reload,
    roleLabel: me ? (RoleLabels[me.role] ?? me.role) : '',
    hasWorkbench: canUseWorkbench(me?.role),
    largeText,
    setLargeText,
    goChooseUnit: () => void Taro.navigateTo({ url: Routes.chooseUnit }),
    goNotifications: () => void Taro.navigateTo({ url: Routes.notifications }),
    goWorkbench: () => void Taro.navigateTo({ url: Routes.staffInbox }),
    logout,
  };
}
