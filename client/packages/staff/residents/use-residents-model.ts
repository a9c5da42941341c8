import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { useMe } from '@/hooks/use-me';
import type { UnconfirmedResident } from '@contracts/org.contract';
import { confirmResident, listUnconfirmedResidents } from '@/services/org.api';
import { canConfirmResidents } from '@/services/permissions';
import { errorMessage } from '@/services/request';

export function useResidentsModel() {
  const [items, setItems] = useState<UnconfirmedResident[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setItems((await listUnconfirmedResidents()).items);
      setLoaded(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);
  const { me } = useMe(reload);

  const confirm = async (id: number) => {
    setConfirmingId(id);
    setError(null);
    try {
      await confirmResident(id);
      setItems((prev) => prev.filter((r) => r.id !== id));
      void Taro.showToast({ title: '已确认', icon: 'success' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setConfirmingId(null);
    }
  };

  return { items, loaded, loading, error, confirmingId, canConfirm: canConfirmResidents(me?.role), reload, confirm };
}
