import { Text, View } from '@tarojs/components';
import type { ActivityItem } from '@contracts/timebank.contract';
import { BigButton } from '@/components/big-button/big-button';
import { beforeStart, type ActivitySignup } from './use-activity-signup';

/** 报名 / 取消报名 while the activity has not started; afterwards, one plain line. */
export function SignupButtons({ a, s }: { a: ActivityItem; s: ActivitySignup }) {
  const busy = s.busy === a.id;
  if (!beforeStart(a)) {
    return a.signedUp ? <Text className='ds-tag ds-tag--ok'>已报名</Text> : null;
  }
  if (a.signedUp) {
    return (
      <View>
        <Text className='ds-tag ds-tag--ok' id={`activity-${a.id}-signed`}>
          已报名
        </Text>
        <BigButton id={`activity-${a.id}-withdraw`} variant='plain' text='取消报名' loading={busy} onClick={() => s.withdraw(a)} />
      </View>
    );
  }
  if (a.taken >= a.slots) return <Text className='plain-line muted'>名额已满</Text>;
  return <BigButton id={`activity-${a.id}-signup`} text='我要报名' loading={busy} onClick={() => s.signUp(a)} />;
}
