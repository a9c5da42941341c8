import { Text, View } from '@tarojs/components';
import { MEMBERS_FORMAT_HINT, MemberRelations, RegisterColumns, RegisterOptionalColumns } from '@contracts/registers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import '@/components/vol-staff/vol-staff.scss';
import '../registers.scss';
import { useImportModel, type ImportModel } from './use-import-model';

const HOW = `表格第一行是表头：${RegisterColumns.join('、')}（${RegisterOptionalColumns.join('、')}可以不要）。同一单元同一门牌号已经登记的住户会按表格更新。`;
const MEMBERS_HOW = `家庭成员：${MEMBERS_FORMAT_HINT}。关系可以写：${MemberRelations.join('、')}。表格有“家庭成员”这一列时，这些住户的家庭成员按表格重新登记（空着就是没有）；没有这一列时，已登记的家庭成员不变。`;
const WEAPP_HOW = '在微信里：先把表格发到“文件传输助手”，再点下面的按钮从聊天里选择。';

function RowErrors({ m }: { m: ImportModel }) {
  const r = m.rowErrors;
  if (!r) return null;
  return (
    <View className='card' id='import-errors'>
      <Text className='vs-title'>{`表格里有 ${r.total} 处问题，一户也没有导入`}</Text>
      <Text className='vs-line'>请在 Excel 或 WPS 里改好下面这些地方，保存后重新选择表格。</Text>
      {r.errors.map((e, i) => (
        <Text className='rg-error' key={`${e.row}-${e.column}-${i}`} id={`import-error-${i}`}>{`第 ${e.row} 行${e.column ? ` · ${e.column}` : ''}：${e.message}`}</Text>
      ))}
      {r.total > r.errors.length ? <Text className='vs-line caption' id='import-errors-more'>{`只列出了前 ${r.errors.length} 处，改好后再检查一次会列出其余的。`}</Text> : null}
    </View>
  );
}

export default function RegisterImportPage() {
  const m = useImportModel();
  const g = m.gate;
  return (
    <PageShell className='registers-import-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText='导入台账由社区和街道工作人员办理。'>
        <View className='card'>
          <Text className='plain-line' id='import-how'>{HOW}</Text>
          <Text className='vs-line' id='import-members-how'>{MEMBERS_HOW}</Text>
          {process.env.TARO_ENV === 'weapp' ? <Text className='vs-line caption'>{WEAPP_HOW}</Text> : null}
          <BigButton id='import-pick' text={m.sheet ? '重新选择表格' : '选择 Excel 表格（.xlsx）'} loading={m.busy === 'check'} onClick={m.pick} />
          {m.sheet ? <Text className='vs-line' id='import-file'>{`已选择：${m.sheet.name}`}</Text> : null}
        </View>
        {m.busy === 'check' ? <Text className='plain-line muted'>正在检查表格的每一行…</Text> : null}
        {m.error && !m.rowErrors ? <Notice tone='error' id='import-error' text={m.error} /> : null}
        <RowErrors m={m} />
        {m.checked && !m.imported ? (
          <View className='card' id='import-checked'>
            <Text className='vs-title'>{`表格检查通过：共 ${m.checked.rows} 户`}</Text>
            <Text className='vs-line'>{`新登记 ${m.checked.created} 户，更新已有的 ${m.checked.updated} 户。还没有导入，请确认。`}</Text>
            <BigButton id='import-confirm' text='确认导入' loading={m.busy === 'import'} onClick={m.confirm} />
          </View>
        ) : null}
        {m.imported ? (
          <View className='card' id='import-done'>
            <Text className='vs-title'>{`已导入 ${m.imported.rows} 户`}</Text>
            <Text className='vs-line'>{`新登记 ${m.imported.created} 户，更新 ${m.imported.updated} 户。`}</Text>
            <BigButton id='import-back' variant='secondary' text='回到台账' onClick={m.back} />
          </View>
        ) : null}
      </StaffGate>
    </PageShell>
  );
}
