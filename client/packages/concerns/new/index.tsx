import { Text, Textarea, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { CategoryTiles } from '@/components/category-tiles/category-tiles';
import { Notice } from '@/components/notice/notice';
import { useNewConcernModel } from './use-new-concern-model';
import './index.scss';

export default function NewConcernPage() {
  const m = useNewConcernModel();
  return (
    <PageShell className='new-concern-page'>
      <Text className='section-title'>1. 选择问题类别</Text>
      <CategoryTiles tiles={m.tiles} selected={m.draft.category} onSelect={m.setCategory} />

      <Text className='section-title'>2. 写下您要反映的事情</Text>
      <View className='new-concern-page__editor card'>
        <Textarea
          id='concern-text'
          className='new-concern-page__textarea'
          value={m.draft.text}
          maxlength={m.maxLength}
          placeholder='例如：3号楼楼道的灯坏了，晚上看不清路。'
          onInput={(e) => m.setText(e.detail.value)}
        />
        <Text className='new-concern-page__counter caption' id='concern-text-counter'>
          {m.draft.text.length}/{m.maxLength}
        </Text>
      </View>

      {m.error ? <Notice tone='error' text={m.error} id='new-concern-error' /> : null}
      {m.unitRequired ? (
        <BigButton id='new-concern-choose-unit' variant='secondary' text='去选择单元' onClick={m.goChooseUnit} />
      ) : null}

      <BigButton id='new-concern-submit' text='提交' loading={m.submitting} onClick={() => void m.submit()} />
    </PageShell>
  );
}
