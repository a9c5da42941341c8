import { Input, Text, Textarea, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { CategoryTiles } from '@/components/category-tiles/category-tiles';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { ConcernCard } from '@/components/concern-card/concern-card';
import { Notice } from '@/components/notice/notice';
import { PhotoPicker } from '@/components/photo-picker/photo-picker';
import { useNewConcernModel } from './use-new-concern-model';
import './index.scss';

export default function NewConcernPage() {
  const m = useNewConcernModel();
  const place = m.draft.place;
  return (
    <PageShell className='new-concern-page'>
      <Text className='section-title'>1. 选择问题类别</Text>
      <CategoryTiles tiles={m.tiles} selected={m.draft.category} onSelect={m.setCategory} />
      {m.emergencyNotice ? (
        <Notice id='concern-emergency-notice' tone='error' className='new-concern-page__emergency' text={`紧急提醒：${m.emergencyNotice}`} />
      ) : null}

      <Text className='section-title'>2. 写下您要反映的事情</Text>
      <View className='new-concern-page__editor card'>
        <Textarea
          id='concern-text'
          className='new-concern-page__textarea'
          value={m.draft.text}
          maxlength={m.maxLength}
          placeholder={m.placeholder}
          onInput={(e) => m.setText(e.detail.value)}
        />
        <Text className='new-concern-page__counter caption' id='concern-text-counter'>
          {m.draft.text.length}/{m.maxLength}
        </Text>
      </View>

      <Text className='section-title'>3. 拍照或选照片（可不选）</Text>
      <PhotoPicker photos={m.photos} max={m.photoMax} onAdd={m.addPhotos} onRemove={m.removePhoto} onRetry={m.retryPhoto} />

      <Text className='section-title'>4. 问题在哪里</Text>
      <ChoiceChips idPrefix='place' choices={m.placeChoices} selected={place.kind} onSelect={m.setPlaceKind} />
      {place.kind === 'building' ? (
        <View className='new-concern-page__place'>
          {m.buildingsLoading ? <Text className='muted'>正在加载楼栋…</Text> : null}
          <ChoiceChips idPrefix='building' choices={m.buildingChoices} selected={place.buildingId} onSelect={m.chooseBuilding} />
        </View>
      ) : null}
      {place.kind === 'public_spot' ? (
        <View className='new-concern-page__place card'>
          <Input
            id='place-detail'
            className='new-concern-page__input'
            value={place.detail}
            maxlength={200}
            placeholder='写明位置，例如：3号楼北侧儿童乐园'
            onInput={(e) => m.setPlaceDetail(e.detail.value)}
          />
        </View>
      ) : null}
      {place.kind === 'map_point' && place.detail ? <Text className='plain-line'>已选位置：{place.detail}</Text> : null}

      <View className='card new-concern-page__public'>
        <View className='new-concern-page__public-text'>
          <Text className='new-concern-page__public-label'>公开给社区邻居（可被“我也遇到了”）</Text>
          <Text className='caption'>{m.draft.isPublic ? '已公开：本社区居民能看到这个问题' : '不公开：只有您和处理的工作人员能看到'}</Text>
        </View>
        <Switch
          id='concern-public-switch'
          className='big-switch'
          checked={m.draft.isPublic}
          loadingIcon={null}
          ariaLabel='公开给社区邻居'
          onChange={(value: boolean) => m.setPublic(value)}
        />
      </View>

      {m.similar ? (
        <View className='new-concern-page__similar' id='similar-concerns'>
          <Notice tone='warning' text='附近邻居已经反映过类似的问题。如果是同一件事，点“我也遇到了”，不用再提交。' />
          {m.similar.map((c) => (
            <ConcernCard
              key={c.id}
              concern={c}
              showSubmitter
              onOpen={m.openSimilar}
              actionText='我也遇到了'
              actionBusy={m.joiningId === c.id}
              onAction={m.join}
            />
          ))}
          <BigButton id='new-concern-file-anyway' variant='secondary' text='仍要提交新问题' loading={m.submitting} onClick={m.fileAnyway} />
        </View>
      ) : null}

      {m.error ? <Notice tone='error' text={m.error} id='new-concern-error' /> : null}
      {m.unitRequired ? (
        <BigButton id='new-concern-choose-unit' variant='secondary' text='去选择单元' onClick={m.goChooseUnit} />
      ) : null}

      {m.similar ? null : (
        <BigButton id='new-concern-submit' text='提交' loading={m.submitting} onClick={m.submit} />
      )}
    </PageShell>
  );
}
