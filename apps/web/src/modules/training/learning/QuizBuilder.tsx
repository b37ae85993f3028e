import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CourseFormValues, newQuestion, nextOptionId, type QuestionValues } from './courseForm.ts';

const MAX_QUESTIONS = 100;
const MAX_OPTIONS = 10;

/** "A", "B"…: options are named by their place, whatever their stored id. */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

/** The quiz builder: pass score, attempts, and the questions with their options and the right answers. */
export function QuizBuilder() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CourseFormValues>();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['quiz', 'passScore']}
            label={t('trainingLearning.fields.passScore')}
            rules={[{ required: true }]}
            extra={t('trainingLearning.fields.passScoreHint')}
          >
            <InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="quiz-pass-score" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['quiz', 'attemptsAllowed']}
            label={t('trainingLearning.fields.attemptsAllowed')}
            extra={t('trainingLearning.fields.attemptsHint')}
          >
            <InputNumber<number> min={1} max={20} precision={0} style={{ width: '100%' }} data-testid="quiz-attempts" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List
        name={['quiz', 'questions']}
        rules={[
          {
            validator: async (_, questions?: unknown[]) => {
              if (!questions?.length) throw new Error(t('trainingLearning.editor.needQuestion'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={12}>
            {fields.map((field, index) => (
              <QuestionCard
                key={field.key}
                name={field.name}
                index={index}
                onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
              />
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < MAX_QUESTIONS && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add(newQuestion(form.getFieldValue(['quiz', 'questions']) ?? []))}
                data-testid="quiz-add-question"
              >
                {t('trainingLearning.editor.addQuestion')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  );
}

function QuestionCard({ name, index, onRemove }: { name: number; index: number; onRemove?: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CourseFormValues>();
  const path = ['quiz', 'questions', name] as const;
  const kind: QuestionValues['kind'] = Form.useWatch([...path, 'kind'], { form, preserve: true }) ?? 'single';
  // preserve: the option ids have no field of their own (they are generated), and a plain watch sees only fields.
  const options: QuestionValues['options'] = Form.useWatch([...path, 'options'], { form, preserve: true }) ?? [];
  const choices = options.map((o, i) => ({ value: o?.id, label: `${optionLetter(i)}${o?.text ? `. ${o.text}` : ''}` }));

  return (
    <Card
      size="small"
      type="inner"
      data-testid={`quiz-question-${index}`}
      title={t('trainingLearning.editor.questionN', { n: index + 1 })}
      extra={
        <Flex gap={8} align="center">
          <Form.Item name={[name, 'kind']} noStyle>
            <Select
              size="small"
              style={{ width: 150 }}
              aria-label={t('trainingLearning.fields.questionKind')}
              options={[
                { value: 'single', label: t('trainingLearning.kinds.single') },
                { value: 'multiple', label: t('trainingLearning.kinds.multiple') },
              ]}
              onChange={(next: QuestionValues['kind']) => {
                // Single choice keeps at most one right answer.
                const correct: string[] = form.getFieldValue([...path, 'correct']) ?? [];
                if (next === 'single' && correct.length > 1) form.setFieldValue([...path, 'correct'], correct.slice(0, 1));
              }}
            />
          </Form.Item>
          {onRemove && (
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('trainingLearning.editor.removeQuestion')}
              onClick={onRemove}
            />
          )}
        </Flex>
      }
    >
      <Form.Item name={[name, 'prompt']} rules={[{ required: true, whitespace: true, max: 2000 }]} style={{ marginBottom: 8 }}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 6 }}
          placeholder={t('trainingLearning.fields.prompt')}
          aria-label={t('trainingLearning.fields.prompt')}
        />
      </Form.Item>
      <Form.List name={[name, 'options']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginBottom: 8 }}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Typography.Text strong style={{ width: 16 }}>
                  {optionLetter(i)}
                </Typography.Text>
                <Form.Item
                  name={[field.name, 'text']}
                  rules={[{ required: true, whitespace: true, max: 500 }]}
                  style={{ marginBottom: 4, flex: 1 }}
                >
                  <Input aria-label={t('trainingLearning.editor.optionN', { letter: optionLetter(i) })} />
                </Form.Item>
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('trainingLearning.editor.removeOption')}
                  disabled={fields.length <= 2}
                  onClick={() => {
                    const removed: string | undefined = form.getFieldValue([...path, 'options', field.name])?.id;
                    remove(field.name);
                    const correct: string[] = form.getFieldValue([...path, 'correct']) ?? [];
                    if (removed && correct.includes(removed))
                      form.setFieldValue(
                        [...path, 'correct'],
                        correct.filter((id) => id !== removed),
                      );
                  }}
                />
              </Flex>
            ))}
            {fields.length < MAX_OPTIONS && (
              <Button
                type="link"
                size="small"
                icon={<PlusOutlined />}
                style={{ alignSelf: 'flex-start', paddingInline: 0 }}
                onClick={() => add({ id: nextOptionId(form.getFieldValue([...path, 'options']) ?? []), text: '' })}
              >
                {t('trainingLearning.editor.addOption')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
      {kind === 'single' ? (
        <Form.Item
          name={[name, 'correct']}
          label={t('trainingLearning.fields.correctSingle')}
          rules={[{ required: true, type: 'array', min: 1, message: t('trainingLearning.editor.needCorrect') }]}
          getValueProps={(value?: string[]) => ({ value: value?.[0] })}
          normalize={(value?: string) => (value ? [value] : [])}
          style={{ marginBottom: 0 }}
        >
          <Radio.Group options={choices} data-testid={`quiz-correct-${index}`} />
        </Form.Item>
      ) : (
        <Form.Item
          name={[name, 'correct']}
          label={t('trainingLearning.fields.correctMultiple')}
          rules={[{ required: true, type: 'array', min: 1, message: t('trainingLearning.editor.needCorrect') }]}
          style={{ marginBottom: 0 }}
        >
          <Checkbox.Group options={choices} data-testid={`quiz-correct-${index}`} />
        </Form.Item>
      )}
    </Card>
  );
}
