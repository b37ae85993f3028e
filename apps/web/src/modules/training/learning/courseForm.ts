import type { TCourse, ZCourseWrite } from '@tierline/contracts';
import type { Infer } from '../../../shared/types.ts';

export type TCourseWrite = Infer<typeof ZCourseWrite>;

export interface MaterialValues {
  kind: 'text' | 'link';
  title: string;
  body?: string;
  url?: string;
}

export interface QuestionValues {
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: { id: string; text: string }[];
  /** Ids of the right options: one for single choice. */
  correct: string[];
}

/** The course drawer's form: the quiz and the certification behind switches, so "none" is one click. */
export interface CourseFormValues {
  title: string;
  description: string;
  source: 'internal' | 'external';
  provider: string | null;
  category: TCourse['category'];
  format: TCourse['format'];
  durationMinutes: number;
  materials: MaterialValues[];
  hasQuiz: boolean;
  quiz: { questions: QuestionValues[]; passScore: number; attemptsAllowed: number | null };
  hasCertification: boolean;
  certification: { name: string; validMonths: number | null };
}

const OPTION_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The first of a, b, c… not yet used in the question (ids stay stable when options are removed). */
export function nextOptionId(options: readonly { id?: string }[]): string {
  const used = new Set(options.map((o) => o?.id));
  for (const letter of OPTION_LETTERS) if (!used.has(letter)) return letter;
  return `o${options.length + 1}`;
}

/** The first of q1, q2… not yet used in the quiz. */
export function nextQuestionId(questions: readonly { id?: string }[]): string {
  const used = new Set(questions.map((q) => q?.id));
  for (let n = 1; ; n++) if (!used.has(`q${n}`)) return `q${n}`;
}

export function newQuestion(questions: readonly { id?: string }[]): QuestionValues {
  return {
    id: nextQuestionId(questions),
    kind: 'single',
    prompt: '',
    options: [
      { id: 'a', text: '' },
      { id: 'b', text: '' },
    ],
    correct: [],
  };
}

export const newCourseValues = (): CourseFormValues => ({
  title: '',
  description: '',
  source: 'internal',
  provider: null,
  category: 'product',
  format: 'online',
  durationMinutes: 60,
  materials: [],
  hasQuiz: false,
  quiz: { questions: [newQuestion([])], passScore: 80, attemptsAllowed: 3 },
  hasCertification: false,
  certification: { name: '', validMonths: 12 },
});

/** A course as the editor's values; the answer key is there because only directors and admins edit. */
export function toCourseFormValues(course: TCourse): CourseFormValues {
  const blank = newCourseValues();
  return {
    title: course.title,
    description: course.description,
    source: course.source,
    provider: course.provider,
    category: course.category,
    format: course.format,
    durationMinutes: course.durationMinutes,
    materials: course.materials.map((m) => ({ ...m })),
    hasQuiz: course.quiz !== null,
    quiz: course.quiz
      ? {
          passScore: course.quiz.passScore,
          attemptsAllowed: course.quiz.attemptsAllowed,
          questions: course.quiz.questions.map((q) => ({
            id: q.id,
            kind: q.kind,
            prompt: q.prompt,
            options: q.options.map((o) => ({ ...o })),
            correct: 'correct' in q && Array.isArray(q.correct) ? [...q.correct] : [],
          })),
        }
      : blank.quiz,
    hasCertification: course.certification !== null,
    certification: course.certification ? { ...course.certification } : blank.certification,
  };
}

/** The body of POST /courses and PUT /courses/{id}: what the switches turned off becomes null. */
export function toCourseWrite(values: CourseFormValues, active: boolean): TCourseWrite {
  const optionIds = (q: QuestionValues) => new Set(q.options.map((o) => o.id));
  return {
    title: values.title.trim(),
    description: values.description ?? '',
    source: values.source,
    provider: values.source === 'external' && values.provider?.trim() ? values.provider.trim() : null,
    category: values.category,
    format: values.format,
    durationMinutes: values.durationMinutes,
    materials: (values.materials ?? []).map((m) =>
      m.kind === 'link'
        ? { kind: 'link', title: m.title, url: (m.url ?? '').trim() }
        : { kind: 'text', title: m.title, body: m.body ?? '' },
    ),
    quiz: values.hasQuiz
      ? {
          passScore: values.quiz.passScore,
          attemptsAllowed: values.quiz.attemptsAllowed ?? null,
          questions: values.quiz.questions.map((q) => {
            // A removed option can't stay marked right; single choice keeps one mark.
            const correct = (q.correct ?? []).filter((id) => optionIds(q).has(id));
            return {
              id: q.id,
              kind: q.kind,
              prompt: q.prompt,
              options: q.options.map((o) => ({ id: o.id, text: o.text })),
              correct: q.kind === 'single' ? correct.slice(0, 1) : correct,
            };
          }),
        }
      : null,
    certification: values.hasCertification
      ? { name: values.certification.name, validMonths: values.certification.validMonths ?? null }
      : null,
    active,
  };
}

/**
 * Where the server's complaint about a field goes in this form: "body.quiz.questions.2.correct" →
 * ['quiz','questions',2,'correct']. Ids are not typed in (they are generated), so an option's id error shows on its
 * text and a question's on its prompt. Null for paths the form has no field for (the toast still says it).
 */
export function courseFieldPath(path: string): (string | number)[] | null {
  const parts = path
    .split(/[./]/)
    .filter((s) => s && s !== 'body')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (parts.length === 0) return null;
  const [head] = parts;
  const last = parts[parts.length - 1];
  if (head === 'quiz') {
    if (parts[1] === 'questions' && typeof parts[2] === 'number') {
      if (parts[3] === 'options' && typeof parts[4] === 'number') return ['quiz', 'questions', parts[2], 'options', parts[4], 'text'];
      if (parts[3] === 'options') return ['quiz', 'questions', parts[2], 'correct'];
      if (parts[3] === 'id' || parts[3] === undefined) return ['quiz', 'questions', parts[2], 'prompt'];
      if (parts[3] === 'correct' || parts[3] === 'prompt' || parts[3] === 'kind') return ['quiz', 'questions', parts[2], parts[3]];
      return ['quiz', 'questions', parts[2], 'prompt'];
    }
    if (parts[1] === 'passScore' || parts[1] === 'attemptsAllowed') return ['quiz', parts[1]];
    return null;
  }
  if (head === 'materials' && typeof parts[1] === 'number') {
    const field = last === 'url' || last === 'body' ? last : 'title';
    return ['materials', parts[1], field];
  }
  if (head === 'certification') return ['certification', parts[1] === 'validMonths' ? 'validMonths' : 'name'];
  const flat = ['title', 'description', 'source', 'provider', 'category', 'format', 'durationMinutes'];
  return typeof head === 'string' && flat.includes(head) ? [head] : null;
}

/** Groups the server's messages by form field (several may name the same one). */
export function courseFieldErrors(errors: readonly { path: string; message: string }[]): { name: (string | number)[]; errors: string[] }[] {
  const byKey = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const { path, message } of errors) {
    const name = courseFieldPath(path);
    if (!name) continue;
    const key = name.join('.');
    const entry = byKey.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
