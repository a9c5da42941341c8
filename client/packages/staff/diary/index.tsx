import { Text, Textarea, View } from '@tarojs/components';
import type { DiaryAction, DiaryNote, DiaryPerson } from '@contracts/diary.contract';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { Notice } from '@/components/notice/notice';
import { chinaTime, useDiaryModel } from './use-diary-model';
import './index.scss';

type Model = ReturnType<typeof useDiaryModel>;

export default function StaffDiaryPage() {
  const m = useDiaryModel();
  const d = m.diary;
  return (
    <PageShell className='staff-diary-page'>
      {m.mayPickStaff && m.staff.length > 0 ? <StaffPicker staff={m.staff} selectedId={m.selectedUserId} onChoose={m.chooseStaff} /> : null}

      <View className='diary-day'>
        <BigButton id='diary-previous-day' variant='secondary' text='前一天' className='diary-day__button' onClick={m.previousDay} />
        <Text className='diary-day__label' id='diary-day'>{m.dayText}</Text>
        <BigButton id='diary-next-day' variant='secondary' text='后一天' className='diary-day__button' disabled={!m.canGoNext} onClick={m.nextDay} />
      </View>

      <ErrorRetry error={m.error} onRetry={() => void m.reload()} />
      {!d && m.loading ? <Text className='muted'>正在加载…</Text> : null}

      {d ? (
        <View>
          <Text className='page-title' id='diary-owner'>
            {m.isMine ? '我的工作日记' : `${d.user.name}（${d.user.roleLabel}）的工作日记`}
          </Text>
          <Actions actions={d.actions} onOpen={m.openConcern} />
          <Notes notes={d.notes} />
          {m.canAddNote ? <NoteBox m={m} /> : null}
        </View>
      ) : null}
    </PageShell>
  );
}

function StaffPicker({ staff, selectedId, onChoose }: { staff: DiaryPerson[]; selectedId: number | null; onChoose: (id: number) => void }) {
  return (
    <View className='diary-staff'>
      <Text className='section-title'>看谁的日记</Text>
      <View className='diary-staff__list'>
        {staff.map((p) => (
          <View
            key={p.id}
            id={`diary-staff-${p.id}`}
            className={`diary-staff__chip${selectedId === p.id ? ' diary-staff__chip--active' : ''}`}
            aria-selected={selectedId === p.id}
            onClick={() => onChoose(p.id)}
          >
            <Text>{p.name}</Text>
            <Text className='diary-staff__role'>{p.areaName ? `${p.roleLabel} · ${p.areaName}` : p.roleLabel}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** What the person did, taken from the concerns' timelines; a tap opens the concern. */
function Actions({ actions, onOpen }: { actions: DiaryAction[]; onOpen: (concernId: number) => void }) {
  return (
    <View>
      <Text className='section-title'>办理的事（{actions.length} 件次）</Text>
      {actions.length === 0 ? <Text className='plain-line muted'>这一天没有办理记录。</Text> : null}
      {actions.map((a, i) => (
        <View key={`${a.concernId}-${a.at}-${i}`} className='card diary-action' onClick={() => onOpen(a.concernId)}>
          <View className='diary-action__head'>
            <Text className='diary-action__time'>{chinaTime(a.at)}</Text>
            <Text className='diary-action__label'>{a.label}</Text>
          </View>
          <Text className='diary-action__what'>
            {a.categoryLabel}
            {a.placeLabel ? ` · ${a.placeLabel}` : ''}
          </Text>
          {a.note ? <Text className='diary-action__note caption'>备注：{a.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}

function Notes({ notes }: { notes: DiaryNote[] }) {
  return (
    <View>
      <Text className='section-title'>记事（{notes.length} 条）</Text>
      {notes.length === 0 ? <Text className='plain-line muted'>这一天没有记事。</Text> : null}
      {notes.map((n) => (
        <View key={n.id} className='card diary-note' id={`diary-note-${n.id}`}>
          <Text className='diary-note__time caption'>{chinaTime(n.at)}</Text>
          <Text className='diary-note__text'>{n.text}</Text>
        </View>
      ))}
    </View>
  );
}

/** Only in one's own diary, only today. */
function NoteBox({ m }: { m: Model }) {
  return (
    <View className='card diary-add'>
      <Textarea
        id='diary-note-text'
        className='diary-add__textarea'
        value={m.noteText}
        maxlength={m.noteMax}
        placeholder='记一笔今天做的事，例如：走访了 3 号楼独居老人。'
        onInput={(e) => m.setNoteText(e.detail.value)}
      />
      <Text className='diary-add__counter caption'>
        {m.noteText.length}/{m.noteMax}
      </Text>
      {m.noteError ? <Notice tone='error' text={m.noteError} id='diary-note-error' /> : null}
      <BigButton id='diary-add-note' text='记下来' loading={m.saving} onClick={() => void m.addNote()} />
    </View>
  );
}
