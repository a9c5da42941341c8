import { Text, View } from '@tarojs/components';
import type { ProxyCandidate } from '@contracts/deliberation-votes.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaHm } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { Notice } from '@/components/notice/notice';
import type { ProxySignup } from './use-proxy-signup';

function registrationText(c: ProxyCandidate): string | null {
  const r = c.registration;
  if (!r) return null;
  if (r.status === 'waitlisted') return '候补中';
  return r.checkedInAt ? `已签到 ${chinaHm(r.checkedInAt)}` : '已报名，未签到';
}

/** 代报名: find a resident without a phone, register and check them in. */
export function ProxyView({ p }: { p: ProxySignup }) {
  return (
    <View className='card' id='proxy-signup'>
      <Text className='caption'>替没有手机的居民报名并签到，名单上会标“代办”。</Text>
      <FormField id='proxy-search' label='居民姓名' value={p.query} maxlength={30} placeholder='例如：王秀兰' onInput={p.setQuery} />
      <BigButton id='proxy-search-go' variant='secondary' text='查找' loading={p.searching} onClick={p.search} />
      {p.error ? <Notice tone='error' text={p.error} id='proxy-error' /> : null}
      {p.candidates && p.candidates.length === 0 ? <Text className='plain-line muted'>没有找到这位居民。</Text> : null}
      {(p.candidates ?? []).map((c) => {
        const reg = registrationText(c);
        return (
          <View className='checkin-candidate' key={c.userId} id={`candidate-${c.userId}`}>
            <View className='ds-row'>
              <Text className='checkin-attendee__name'>{c.name}</Text>
              {c.phoneMasked ? <Text className='caption'>{c.phoneMasked}</Text> : <Text className='ds-tag'>无手机</Text>}
            </View>
            {c.unitLabel ? <Text className='caption'>{c.unitLabel}</Text> : null}
            {reg ? (
              <Text className='ds-tag ds-tag--ok'>{reg}</Text>
            ) : (
              <BigButton id={`candidate-${c.userId}-register`} text={`为 ${c.name} 报名并签到`} loading={p.busy === `register-${c.userId}`} onClick={() => p.register(c)} />
            )}
          </View>
        );
      })}
    </View>
  );
}
