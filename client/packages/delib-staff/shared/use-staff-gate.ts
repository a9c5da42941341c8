import { useRouter } from '@tarojs/taro';

/** The staff screens' gate: the signed-in user first, the screen's data only for a role that may use it. */
export { useRoleGate as useStaffGate } from '@/hooks/use-role-gate';

/** The `sessionId` query parameter of the page, or null when missing or not a positive integer. */
export function useSessionIdParam(): number | null {
  const { params } = useRouter();
  const id = Number(params.sessionId);
  return Number.isInteger(id) && id > 0 ? id : null;
}
