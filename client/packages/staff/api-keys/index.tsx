import { Input, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { formatDate } from '@/utils/format';
import { useApiKeysModel } from './use-api-keys-model';
import './index.scss';

/** 接口密钥: street admins issue keys for the Open311 interface (e.g. the 12345 hotline), and revoke them. */
export default function StaffApiKeysPage() {
  const m = useApiKeysModel();
  if (!m.allowed) {
    return (
      <PageShell className='staff-api-keys-page'>
        <Notice tone='warning' text='只有街道管理员可以管理接口密钥。' />
      </PageShell>
    );
  }
  return (
    <PageShell className='staff-api-keys-page'>
      <Text className='muted'>其他系统（如 12345 热线）用接口密钥通过 Open311 接口查看公开的问题、替居民提交问题。每个密钥只在新建时显示一次。</Text>

      {m.fresh ? (
        <View className='card staff-api-keys-page__fresh' id='api-key-fresh'>
          <Text className='section-title'>新密钥：{m.fresh.name}</Text>
          <Notice tone='warning' text='密钥只显示这一次，请立即复制并交给对接方保存。' />
          <Text className='staff-api-keys-page__key' id='api-key-value' selectable userSelect>{m.fresh.key}</Text>
          <BigButton id='api-key-copy' text='复制密钥' onClick={() => void m.copy()} />
          <BigButton id='api-key-done' variant='secondary' text='我已保存' onClick={m.dismissFresh} />
        </View>
      ) : null}

      <View className='card'>
        <Text className='section-title'>新建密钥</Text>
        <Input
          id='api-key-name'
          className='staff-api-keys-page__input'
          value={m.name}
          maxlength={m.nameMax}
          placeholder='给谁用？例如：12345 热线'
          onInput={(e) => m.setName(e.detail.value)}
        />
        <BigButton id='api-key-create' text='新建密钥' loading={m.creating} onClick={() => void m.create()} />
      </View>

      {m.error ? <Notice tone='error' text={m.error} id='api-keys-error' /> : null}
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.loaded && m.items.length === 0 ? <Text className='plain-line muted'>还没有接口密钥。</Text> : null}

      {m.items.map((k) => (
        <View className='card' key={k.id} id={`api-key-${k.id}`}>
          <Text className='section-title'>{k.name}</Text>
          <InfoRow label='密钥开头' value={`${k.keyPrefix}…`} />
          <InfoRow label='新建日期' value={formatDate(k.createdAt)} />
          {k.createdByName ? <InfoRow label='新建人' value={k.createdByName} /> : null}
          <InfoRow label='状态' value={k.revokedAt ? `已停用（${formatDate(k.revokedAt)}）` : '使用中'} />
          {k.revokedAt ? null : (
            <BigButton id={`api-key-revoke-${k.id}`} variant='secondary' text='停用' loading={m.revokingId === k.id} onClick={() => void m.revoke(k)} />
          )}
        </View>
      ))}
    </PageShell>
  );
}
