import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { AuthOptionsResponse, DemoUser, LoginResponse } from '@contracts/auth.contract';
import { devLogin, devNewUser, getAuthOptions, listDemoUsers, wechatLogin } from '@/services/auth.api';
import { errorMessage } from '@/services/request';
import { Routes } from '@/services/routes';
import { setToken } from '@/services/session';

export const isWeapp = process.env.TARO_ENV === 'weapp';

export function useLoginModel() {
  const [options, setOptions] = useState<AuthOptionsResponse | null>(null);
  const [demoUsers, setDemoUsers] = useState<DemoUser[]>([]);
  const [loading, setLoading] = useState(!isWeapp);
  const [busy, setBusy] = useState<number | 'wechat' | 'new-user' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadOptions = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const opts = await getAuthOptions();
      setOptions(opts);
      if (opts.devLogin) setDemoUsers((await listDemoUsers()).items);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!isWeapp) void loadOptions();
  }, [loadOptions]);

  const finish = (res: LoginResponse) => {
    setToken(res.token);
    void Taro.reLaunch({ url: Routes.home });
  };

  const loginWithWechat = async () => {
    setBusy('wechat');
    setError(null);
    try {
      const { code } = await Taro.login();
      finish(await wechatLogin(code));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const loginAsDemoUser = async (userId: number) => {
    setBusy(userId);
    setError(null);
    try {
      finish(await devLogin(userId));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  /** 以新用户身份登录（演示）: someone who has never used Linli, e.g. to type an invitation code. */
  const loginAsNewUser = async () => {
    setBusy('new-user');
    setError(null);
    try {
      finish(await devNewUser());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return { isWeapp, options, demoUsers, loading, busy, error, loadOptions, loginWithWechat, loginAsDemoUser, loginAsNewUser };
}
