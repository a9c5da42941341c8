import { useState } from 'react';
import type { CreatedInvitation } from '@contracts/staff.contract';
import { useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canManageStaff } from '@/services/permissions';
import { createInvitation, getStaffAreas } from '@/services/staff.api';
import { grantBody, grantMissing, useGrantDraft } from '../shared/grant-picker';

/** 邀请工作人员: role and area, the person's name, then the one-time code (shown once, large and as a QR). */
export function useInviteModel() {
  const areas = useResource(getStaffAreas);
  const gate = useRoleGate(canManageStaff, () => areas.reload());
  const grant = useGrantDraft(areas.data);
  const action = useAction<'create'>();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const create = async () => {
    const missing = grantMissing(grant.draft) ?? (name.trim() ? null : '请填写被邀请人的姓名');
    if (missing) {
      action.setError(missing);
      return;
    }
    await action.run('create', async () => {
      setCreated(await createInvitation({ ...grantBody(grant.draft), inviteeName: name.trim(), note: note.trim() || null }));
    });
  };

  const again = () => {
    setCreated(null);
    setName('');
    setNote('');
    grant.reset();
    void areas.reload();
  };

  return { gate, areas, grant, name, setName, note, setNote, created, create, again, busy: action.busy, error: action.error };
}
