import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ApiKeyItem, CreatedApiKey } from '@contracts/open311.contract';
import { useMe } from '@/hooks/use-me';
import { createApiKey, listApiKeys, revokeApiKey } from '@/services/open311.api';
import { errorMessage } from '@/services/request';

const NAME_MAX = 50;

/** Street admins: the street's Open311 API keys — list, create (the key is shown once), revoke. */
export function useApiKeysModel() {
  const [items, setItems] = useState<ApiKeyItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  /** The key just created: shown until the admin says it is saved, never again. */
  const [fresh, setFresh] = useState<CreatedApiKey | null>(null);
  const [revokingId, setRevokingId] = useState<number | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setItems((await listApiKeys()).items);
      setLoaded(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);
  const { me } = useMe(reload);

  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError('请先写下这个密钥给谁用，例如“12345 热线”');
      return;
    }
    setCreating(true);
    setError(null);
    try {
      const created = await createApiKey(trimmed);
      setFresh(created);
      setName('');
      const { key: _shownOnce, ...item } = created;
      setItems((prev) => [item, ...prev]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setCreating(false);
    }
  };

  const copy = async () => {
    if (!fresh) return;
    try {
      await Taro.setClipboardData({ data: fresh.key });
    } catch {
      setError('复制没有成功，请长按密钥手动复制');
    }
  };

  const revoke = async (item: ApiKeyItem) => {
    const answer = await Taro.showModal({
      title: '停用密钥',
      content: `停用“${item.name}”后，使用它的系统将不能再提交问题，且不能恢复。确定停用吗？`,
      confirmText: '停用',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setRevokingId(item.id);
    setError(null);
    try {
      const updated = await revokeApiKey(item.id);
      setItems((prev) => prev.map((k) => (k.id === updated.id ? updated : k)));
      void Taro.showToast({ title: '已停用', icon: 'success' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRevokingId(null);
    }
  };

  return {
    items, loaded, loading, error, name, nameMax: NAME_MAX, creating, fresh, revokingId,
    allowed: me ? me.role === 'street_admin' : true,
    setName: (v: string) => setName(v.slice(0, NAME_MAX)),
    create, copy, revoke, dismissFresh: () => setFresh(null), reload,
  };
}
