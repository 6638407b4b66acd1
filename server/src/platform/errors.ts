// Errors a user can cause, as RFC 9457 problem+json with zh and en messages and the fields named.
import type { LocalizedText } from '@minyi/domain';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `content` or `choices.2`. */
  field: string;
  /** Where it was: body, querystring, params or headers. */
  in: string;
  code: string;
  message: LocalizedText;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: LocalizedText,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(messages.en);
  }
}

export const badRequest = (errors: FieldError[], messages?: LocalizedText) =>
  new AppError(400, 'validation_failed', messages ?? { zh: '提交的内容有误', en: 'The request is invalid' }, {
    errors,
  });

/** One bad field in the body: `invalidField('streetId', '未知的街道', 'unknown street')`. */
export const invalidField = (field: string, zh: string, en: string, code = 'invalid', where = 'body') =>
  badRequest([{ field, in: where, code, message: { zh, en } }]);

export const unauthorized = (code = 'unauthenticated', messages?: LocalizedText) =>
  new AppError(401, code, messages ?? { zh: '请先登录', en: 'Please sign in' });

export const forbidden = (messages?: LocalizedText) =>
  new AppError(
    403,
    'forbidden',
    messages ?? { zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  );

export const notFound = (what: LocalizedText = { zh: '记录', en: 'record' }) =>
  new AppError(404, 'not_found', { zh: `${what.zh}不存在`, en: `The ${what.en} was not found` });

/** A step taken in the wrong state: 409 with the current state so the client can refresh. */
export const wrongState = (currentStatus: string, messages?: LocalizedText) =>
  new AppError(
    409,
    'wrong_state',
    messages ?? {
      zh: `当前状态（${currentStatus}）不允许此操作`,
      en: `This cannot be done in the current state (${currentStatus})`,
    },
    { currentStatus },
  );

export const conflict = (code: string, messages: LocalizedText, extra: Record<string, unknown> = {}) =>
  new AppError(409, code, messages, extra);

export const unavailable = () =>
  new AppError(503, 'service_unavailable', {
    zh: '服务暂时不可用，请稍后再试',
    en: 'The service is temporarily unavailable; please try again shortly',
  });

/** zh/en wording for zod issue codes. */
export function describeIssue(code: string, params: Record<string, unknown>): LocalizedText {
  switch (code) {
    case 'invalid_type':
      return params.input === undefined
        ? { zh: '此项必填', en: 'is required' }
        : { zh: `类型错误，应为 ${String(params.expected)}`, en: `must be ${String(params.expected)}` };
    case 'too_big':
      return {
        zh: `超出上限（${String(params.maximum)}）`,
        en: `must be at most ${String(params.maximum)}${params.origin === 'string' ? ' characters' : ''}`,
      };
    case 'too_small':
      return params.origin === 'string' && params.minimum === 1
        ? { zh: '不能为空', en: 'must not be empty' }
        : { zh: `低于下限（${String(params.minimum)}）`, en: `must be at least ${String(params.minimum)}` };
    case 'invalid_format':
      return {
        zh: '格式不正确',
        en: `is not a valid ${typeof params.format === 'string' ? params.format : 'value'}`,
      };
    case 'invalid_value':
      return {
        zh: `取值无效，可选：${(params.values as unknown[] | undefined)?.join('、') ?? ''}`,
        en: `must be one of: ${(params.values as unknown[] | undefined)?.join(', ') ?? ''}`,
      };
    case 'unrecognized_keys':
      return { zh: '不认识的字段', en: 'is not a recognised field' };
    default:
      return { zh: '取值无效', en: 'is invalid' };
  }
}
