import { CustomWrapper, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { formatDateTime } from '@/utils/format';
import { useNotificationsModel } from './use-notifications-model';
import './index.scss';

export default function NotificationsPage() {
  const m = useNotificationsModel();
  return (
    <PageShell className='notifications-page'>
      <Text className='muted' id='notifications-unread'>
        {m.unread > 0 ? `您有 ${m.unread} 条未读消息` : '没有未读消息'}
      </Text>
      {m.unread > 0 ? (
        <BigButton
          id='notifications-read-all'
          variant='secondary'
          text='全部已读'
          loading={m.markingAll}
          onClick={() => void m.markAll()}
        />
      ) : null}
      {m.error ? <Notice tone='error' text={m.error} /> : null}
      {m.actionError ? <Notice tone='error' text={m.actionError} /> : null}
      {m.loaded && m.items.length === 0 ? <Text className='plain-line muted'>暂时没有消息。</Text> : null}
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}

      <CustomWrapper>
        <View className='notifications-page__list'>
          {m.items.map((n) => (
            <View
              key={n.id}
              id={`notification-${n.id}`}
              className={`card notification${n.read ? '' : ' notification--unread'}`}
              onClick={() => m.open(n)}
            >
              <View className='notification__head'>
                {n.read ? null : <Text className='notification__dot'>未读</Text>}
                <Text className='notification__title'>{n.title}</Text>
              </View>
              <Text className='notification__body'>{n.body}</Text>
              <Text className='caption'>{formatDateTime(n.createdAt)}</Text>
            </View>
          ))}
        </View>
      </CustomWrapper>
      {m.items.length > 0 ? (
        <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} />
      ) : null}
    </PageShell>
  );
}
