import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CourseFormValues, MaterialValues } from './courseForm.ts';

/** 学习资料: texts to read and links to open, in the order the learner sees them. */
export function MaterialsField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CourseFormValues>();
  return (
    <Card size="small" title={t('trainingLearning.editor.materials')} style={{ marginBottom: 16 }}>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <MaterialRow
                key={field.key}
                name={field.name}
                kind={form.getFieldValue(['materials', field.name, 'kind'])}
                onRemove={() => remove(field.name)}
              />
            ))}
            {fields.length < 50 && (
              <Flex gap={8}>
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'text', title: '', body: '' } satisfies MaterialValues)}
                  data-testid="material-add-text"
                >
                  {t('trainingLearning.editor.addText')}
                </Button>
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'link', title: '', url: '' } satisfies MaterialValues)}
                  data-testid="material-add-link"
                >
                  {t('trainingLearning.editor.addLink')}
                </Button>
              </Flex>
            )}
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

function MaterialRow({ name, kind, onRemove }: { name: number; kind: MaterialValues['kind']; onRemove: () => void }) {
  const { t } = useTranslation();
  const current: MaterialValues['kind'] = Form.useWatch(['materials', name, 'kind']) ?? kind;
  return (
    <Card size="small" type="inner" data-testid={`material-${name}`}>
      <Row gutter={8} align="top">
        <Col flex="120px">
          <Form.Item name={[name, 'kind']} style={{ marginBottom: 8 }}>
            <Select
              aria-label={t('trainingLearning.fields.materialKind')}
              options={[
                { value: 'text', label: t('trainingLearning.editor.kindText') },
                { value: 'link', label: t('trainingLearning.editor.kindLink') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col flex="auto">
          <Form.Item name={[name, 'title']} rules={[{ required: true, whitespace: true, max: 200 }]} style={{ marginBottom: 8 }}>
            <Input placeholder={t('trainingLearning.fields.materialTitle')} aria-label={t('trainingLearning.fields.materialTitle')} />
          </Form.Item>
        </Col>
        <Col flex="32px">
          <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={onRemove} />
        </Col>
      </Row>
      {current === 'link' ? (
        <Form.Item
          name={[name, 'url']}
          rules={[
            { required: true, max: 2000 },
            { pattern: /^https?:\/\/\S+$/i, message: t('trainingLearning.editor.urlRule') },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input placeholder="https://" aria-label={t('trainingLearning.fields.url')} />
        </Form.Item>
      ) : (
        <Form.Item name={[name, 'body']} rules={[{ max: 20_000 }]} style={{ marginBottom: 0 }}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 12 }}
            placeholder={t('trainingLearning.fields.materialBody')}
            aria-label={t('trainingLearning.fields.materialBody')}
          />
        </Form.Item>
      )}
    </Card>
  );
}
