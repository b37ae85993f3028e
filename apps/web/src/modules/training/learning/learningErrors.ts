import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api.ts';
import { errorText } from '../../../shared/errors.ts';

/** Problem codes of the training API that get their own words here (the rest go through the app's errorText). */
export const LEARNING_CODES = ['quiz_required', 'enrolment_closed', 'no_attempts_left', 'invalid_quiz'] as const;
type LearningCode = (typeof LEARNING_CODES)[number];

const isLearningCode = (code: string): code is LearningCode => (LEARNING_CODES as readonly string[]).includes(code);

/** The sentence for a failed training call, in the UI language where we know the code. */
export function learningErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error) && isLearningCode(error.code)) return t(`trainingLearning.errors.${error.code}`);
  return errorText(error, t);
}
