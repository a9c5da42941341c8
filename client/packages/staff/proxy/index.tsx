import { Input, Text, Textarea, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { CategoryTiles } from '@/components/category-tiles/category-tiles';
import { Notice } from '@/components/notice/notice';
import { PhotoPicker } from '@/components/photo-picker/photo-picker';
import { useProxyModel } from './use-proxy-model';
import './index.scss';

const StepTitle = {
  community: '第一步：选择居民所在的社区',
  building: '第二步：选择楼栋',
  unit: '第三步：选择单元',
  form: '第四步：记下居民反映的事情',
} as const;

export default function StaffProxyPage() {
  const m = useProxyModel();
  return (
    <PageShell className='staff-proxy-page'>
      <Text className='caption'>替不方便用手机的居民反映问题，问题算在居民名下，由您跟进。</Text>
      <Text className='section-title' id='proxy-step-title'>
        {StepTitle[m.step]}
      </Text>
      {m.step === 'building' && m.gridName ? <Text className='muted'>只列出您负责的{m.gridName}的楼栋</Text> : null}
      {m.step === 'form' ? <Text className='plain-line' id='proxy-unit'>住址：{m.unitLabel}</Text> : null}
      {m.loading ? <Text className='muted'>正在加载…</Text> : null}

      {m.step === 'community'
        ? m.communities.map((c) => <BigButton key={c.id} id={`proxy-community-${c.id}`} variant='plain' text={c.name} onClick={() => m.chooseCommunity(c)} />)
        : null}
      {m.step === 'building' && !m.loading && m.buildings.length === 0 ? (
        <Text className='plain-line muted'>这个社区里没有您网格的楼栋，请返回换一个社区。</Text>
      ) : null}
      {m.step === 'building'
        ? m.buildings.map((b) => <BigButton key={b.id} id={`proxy-building-${b.id}`} variant='plain' text={b.name} onClick={() => m.chooseBuilding(b)} />)
        : null}
      {m.step === 'unit'
        ? m.units.map((u) => <BigButton key={u.id} id={`proxy-unit-${u.id}`} variant='plain' text={u.name} onClick={() => m.chooseUnit(u)} />)
        : null}

      {m.step === 'form' ? (
        <View>
          <Text className='section-title'>居民姓名</Text>
          <View className='card'>
            <Input id='proxy-name' className='staff-proxy-page__input' value={m.fields.residentName} maxlength={30} placeholder='例如：王秀兰' onInput={(e) => m.setName(e.detail.value)} />
          </View>
          <Text className='section-title'>居民手机号（可不填）</Text>
          <View className='card'>
            <Input id='proxy-phone' className='staff-proxy-page__input' type='number' value={m.fields.residentPhone} maxlength={11} placeholder='11 位手机号' onInput={(e) => m.setPhone(e.detail.value)} />
          </View>
          <Text className='section-title'>问题类别</Text>
          <CategoryTiles tiles={m.tiles} selected={m.fields.category} onSelect={m.setCategory} />
          {m.emergencyNotice ? <Notice tone='error' id='proxy-emergency-notice' text={`紧急提醒：${m.emergencyNotice}`} /> : null}
          <Text className='section-title'>反映的事情</Text>
          <View className='card'>
            <Textarea id='proxy-text' className='staff-proxy-page__textarea' value={m.fields.text} maxlength={m.maxLength} placeholder={m.placeholder} onInput={(e) => m.setText(e.detail.value)} />
          </View>
          <Text className='section-title'>照片（可不选）</Text>
          <PhotoPicker photos={m.fields.photos} max={m.photoMax} onAdd={m.addPhotos} onRemove={m.removePhoto} onRetry={m.retryPhoto} />
        </View>
      ) : null}

      {m.error ? <Notice tone='error' text={m.error} id='proxy-error' /> : null}
      {m.step === 'community' && !m.loading && m.error ? <BigButton text='重试' variant='secondary' onClick={m.retryLoad} /> : null}
      {m.step === 'form' ? <BigButton id='proxy-submit' text='代居民提交' loading={m.submitting} onClick={m.submit} /> : null}
      {m.step !== 'community' ? <BigButton id='proxy-back' text='上一步' variant='secondary' onClick={m.back} /> : null}
    </PageShell>
  );
}
