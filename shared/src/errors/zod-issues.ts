import type { z } from 'zod';
import { type ErrorMessage, errorMessage, isErrorMessageCode, renderErrorMessage } from './messages.ts';

/**
 * A Zod issue as a message of the catalogue, so a field problem found by a schema reads in the user's language on
 * the server's refusal and in the dashboard's own forms alike. Zod's locales (`z.locales.zhCN`) were not used:
 * they speak to programmers ("数值过小：期望 string >=3 字符", decision record 037). A refinement of ours names
 * its message by code in its `params` (`refineMessage`); one that does not reads as "the value is not valid".
 */
export function issueMessage(issue: z.core.$ZodIssue): ErrorMessage {
  switch (issue.code) {
    case 'too_small':
      return { code: 'input.tooSmall', params: { ...sizeOf(issue), minimum: Number(issue.minimum) } };
    case 'too_big':
      return { code: 'input.tooBig', params: { ...sizeOf(issue), maximum: Number(issue.maximum) } };
    case 'invalid_type':
      return { code: 'input.invalidType', params: { expected: issue.expected } };
    case 'invalid_value':
      return errorMessage('input.invalidValue');
    case 'invalid_format':
      return { code: 'input.invalidFormat', params: { format: issue.format } };
    case 'not_multiple_of':
      return errorMessage('input.notMultipleOf', { divisor: Number(issue.divisor) });
    case 'unrecognized_keys':
      // A hostile request may send thousands: the first few say what is wrong.
      return errorMessage('input.unrecognizedKeys', { keys: issue.keys.slice(0, 5).join(', ') });
    case 'custom': {
      const { messageCode, messageParams } = issue.params ?? {};
      return isErrorMessageCode(messageCode)
        ? { code: messageCode, params: messageParams ?? {} }
        : errorMessage('input.invalid');
    }
    default:
      return errorMessage('input.invalid');
  }
}

/** What a size limit applies to (a string's length, an array's items, a number) and whether it is allowed itself. */
function sizeOf(issue: { origin: string; inclusive?: boolean }) {
  return { origin: issue.origin, inclusive: String(issue.inclusive ?? true) };
}

/** A refinement's message by code: the English as the issue's message, the code for `issueMessage`. */
export function refineMessage(message: ErrorMessage) {
  return {
    message: renderErrorMessage(message, 'en'),
    params: { messageCode: message.code, messageParams: message.params },
  };
}
