import Taro from '@tarojs/taro';
import { RoleLabels } from '@contracts/roles';
import { useMe } from '@/hooks/use-me';
import { useLargeText } from '@/hooks/use-large-text';
import { canManageStaff, canReadAuditLog, canReadRegisters, canSetUpOrganisation, canUseWorkbench } from '@/services/permissions';
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
    canSetUp: canSetUpOrganisation(me?.role),
    goSetup: () => void Taro.navigateTo({ url: Routes.setupOrg }),
    // Every logged-in role: a grid worker may be invited to become community staff (the page warns the role is replaced).
    canRedeem: !!me,
    goRedeem: () => void Taro.navigateTo({ url: Routes.staffRedeem }),
    canManageStaff: canManageStaff(me?.role),
    goStaffMembers: () => void Taro.navigateTo({ url: Routes.staffMembers }),
    canReadAudit: canReadAuditLog(me?.role),
    goAudit: () => void Taro.navigateTo({ url: Routes.staffAudit }),
    goPrivacy: () => void Taro.navigateTo({ url: Routes.privacyData }),
    canReadRegisters: canReadRegisters(me?.role),
    goRegisters: () => void Taro.navigateTo({ url: Routes.registersHouseholds }),
    logout,
  };
}
