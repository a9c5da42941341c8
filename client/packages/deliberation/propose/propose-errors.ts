import { ErrorCode } from '@contracts/errors';
import { ApiError, errorMessage } from '@/services/request';

export type ProposeField = 'title' | 'problem' | 'hope' | 'category' | 'concerns';
export type FieldErrors = Partial<Record<ProposeField, string>>;

const FieldLabels: Record<ProposeField, string> = {
  title: '议题标题',
  problem: '哪里不对',
  hope: '希望怎样',
  category: '类别',
  concerns: '关联的问题',
};

const PATH_FIELDS: Record<string, ProposeField> = {
  title: 'title',
  problem: 'problem',
  hope: 'hope',
  category: 'category',
  concernIds: 'concerns',
};

/** What the form shows for a failed submit: one line on top, and the message beside the field it is about. */
interface SubmitProblem {
  message: string;
  fields: FieldErrors;
  /** The server wants a unit first (UNIT_REQUIRED). */
  unitRequired: boolean;
}

/**
 * Turns the server's error into plain words. VALIDATION_FAILED says "请求内容有误：<field> <message>"; the field's
 * name is replaced by its label on the form ("哪里不对：请写明存在什么问题") and the message set beside the field.
 */
export function submitProblem(e: unknown): SubmitProblem {
  const none = { fields: {}, unitRequired: false };
  if (!(e instanceof ApiError)) return { ...none, message: errorMessage(e) };
  if (e.code === ErrorCode.UNIT_REQUIRED) return { ...none, message: e.message, unitRequired: true };
  if (e.code === ErrorCode.TOPIC_CONCERN_INVALID) return { ...none, message: e.message, fields: { concerns: e.message } };
  if (e.code === ErrorCode.VALIDATION_FAILED) {
    const m = /有误：([A-Za-z]+)(?:\.\d+)? (.+)$/.exec(e.message);
    const field = m ? PATH_FIELDS[m[1]] : undefined;
    if (m && field) return { ...none, message: `${FieldLabels[field]}：${m[2]}`, fields: { [field]: m[2] } };
  }
  return { ...none, message: e.message };
}
