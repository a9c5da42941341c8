import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { CategoryTiles } from '@/components/category-tiles/category-tiles';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import '@/components/volunteers/volunteers.scss';
import { UnitSteps } from './unit-steps';
import { useAskModel } from './use-ask-model';

type Model = ReturnType<typeof useAskModel>;

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <Text className='error-text' id={id}>
      {text}
    </Text>
  ) : null;
}

function Resident({ m }: { m: Model }) {
  return (
    <View>
      <Text className='section-title'>居民姓名</Text>
      <View className='card'>
        <Input id='ask-resident-name' className='vol-input' value={m.fields.residentName} maxlength={30} placeholder='例如：王秀兰' onInput={(e) => m.setResidentName(e.detail.value)} />
      </View>
      <FieldError id='ask-resident-name-error' text={m.errors.residentName} />
      <Text className='section-title'>居民手机号（可不填）</Text>
      <View className='card'>
        <Input id='ask-resident-phone' className='vol-input' type='number' value={m.fields.residentPhone} maxlength={11} placeholder='11 位手机号' onInput={(e) => m.setResidentPhone(e.detail.value)} />
      </View>
      <FieldError id='ask-resident-phone-error' text={m.errors.residentPhone} />
    </View>
  );
}

function When({ m }: { m: Model }) {
  const f = m.fields;
  return (
    <View>
      <Text className='section-title'>3. 什么时候</Text>
      <ChoiceChips idPrefix='ask-day' choices={m.days} selected={f.day} onSelect={m.setDay} />
      {f.day === 'pick' ? (
        <Picker id='ask-date-picker' mode='date' value={f.pickedDay || m.firstDay} start={m.firstDay} end={m.lastDay} onChange={(e) => m.setPickedDay(String(e.detail.value))}>
          <View className='vol-picker' id='ask-date'>
            <Text>{f.pickedDay || '点这里选日子'}</Text>
            <Text>›</Text>
          </View>
        </Picker>
      ) : null}
      <ChoiceChips idPrefix='ask-part' choices={m.parts} selected={f.part} onSelect={m.setPart} />
      <FieldError id='ask-when-error' text={m.errors.when} />
    </View>
  );
}

function Form({ m }: { m: Model }) {
  const f = m.fields;
  return (
    <View>
      {m.proxy ? <Text className='plain-line' id='ask-proxy-unit'>居民住址：{m.placeLabel}</Text> : null}
      {m.proxy ? <Resident m={m} /> : null}
      <Text className='section-title'>1. 需要什么帮助</Text>
      <CategoryTiles tiles={m.skills} selected={f.skill} onSelect={m.setSkill} />
      <FieldError id='ask-skill-error' text={m.errors.skill} />

      <Text className='section-title'>2. 说说具体要帮什么</Text>
      <View className='card'>
        <Textarea id='ask-description' className='vol-textarea' value={f.description} maxlength={m.maxText} placeholder='例如：想学用手机和孩子视频' onInput={(e) => m.setDescription(e.detail.value)} />
      </View>
      <FieldError id='ask-description-error' text={m.errors.description} />

      <When m={m} />

      <Text className='section-title'>4. 在哪里</Text>
      {!m.proxy ? <Text className='plain-line' id='ask-place-label'>{m.placeLabel ? `在家：${m.placeLabel}` : '在家'}</Text> : null}
      <View className='card'>
        <Input id='ask-place' className='vol-input' value={f.placeDetail} maxlength={100} placeholder='不在家的话，写下地点（可不填）' onInput={(e) => m.setPlaceDetail(e.detail.value)} />
      </View>

      <Text className='section-title'>5. 需要几位志愿者</Text>
      <View className='vol-stepper'>
        <BigButton id='ask-needed-less' variant='plain' text='少一位' disabled={f.volunteersNeeded <= 1} onClick={() => m.changeNeeded(-1)} />
        <Text className='vol-stepper__value' id='ask-needed'>{f.volunteersNeeded} 位</Text>
        <BigButton id='ask-needed-more' variant='plain' text='多一位' disabled={f.volunteersNeeded >= m.maxNeeded} onClick={() => m.changeNeeded(1)} />
      </View>

      {m.error ? <Notice tone='error' text={m.error} id='ask-error' /> : null}
      {m.unitRequired ? <BigButton id='ask-choose-unit' variant='secondary' text='选择单元' onClick={m.goChooseUnit} /> : null}
      <BigButton id='ask-submit' text={m.proxy ? '代居民发出求助' : '发出求助'} loading={m.busy} onClick={m.submit} />
      {m.proxy ? <BigButton id='ask-change-unit' variant='secondary' text='换一个单元' onClick={m.picker.back} /> : null}
    </View>
  );
}

export default function AskPage() {
  const m = useAskModel();
  return (
    <PageShell className='ask-page'>
      <ErrorRetry error={m.meError} onRetry={m.reloadMe} />
      {m.notAllowed ? <Text className='plain-line' id='ask-not-allowed'>只有网格员可以代居民请人帮忙。</Text> : null}
      {!m.notAllowed ? (
        <View>
          <Text className='caption'>{m.proxy ? '替不方便用手机的居民请人帮忙，求助记在居民名下，由您跟进。' : '说说需要帮什么，社区的小红帽志愿者会来帮您。'}</Text>
          {m.proxy ? <UnitSteps p={m.picker} gridName={m.gridName} /> : null}
          {m.showForm ? <Form m={m} /> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
