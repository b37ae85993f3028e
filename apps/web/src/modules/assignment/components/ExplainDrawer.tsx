import type { TAssignmentEntity } from '@tierline/contracts';
import { Drawer, Flex, Form, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { ENTITIES } from '../assignment.api.ts';
import { AssignmentExplainPanel } from './AssignmentExplainPanel.tsx';
import { AutoAssignButton } from './AutoAssignButton.tsx';
import { RecordPicker } from './RecordPicker.tsx';

interface ExplainDrawerProps {
  open: boolean;
  onClose: () => void;
  /** The tab the rules page is on: the kind of record looked up first. */
  entity: TAssignmentEntity;
}

/** 试一试: pick a record and see how the rules treated it last time, or run them on it now. */
export function ExplainDrawer({ open, onClose, entity: pageEntity }: ExplainDrawerProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [entity, setEntity] = useState(pageEntity);
  const [recordId, setRecordId] = useState<string | null>(null);

  // Opened from another tab with nothing picked yet: look up that tab's kind of record.
  useEffect(() => {
    if (open && !recordId) setEntity(pageEntity);
  }, [open, pageEntity, recordId]);

  return (
    <Drawer open={open} onClose={onClose} title={t('assignment.explain.drawerTitle')} size={isPhone ? '100%' : 760}>
      <Typography.Paragraph type="secondary">{t('assignment.explain.drawerIntro')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('assignment.explain.record')} htmlFor="explain-record">
          <Flex gap={8} wrap>
            <Segmented<TAssignmentEntity>
              value={entity}
              onChange={(next) => {
                setEntity(next);
                setRecordId(null);
              }}
              options={ENTITIES.map((e) => ({ value: e, label: t(`assignment.entities.${e}`) }))}
            />
            <RecordPicker
              id="explain-record"
              entity={entity}
              value={recordId}
              onChange={(id, named) => {
                if (named) setEntity(named);
                setRecordId(id);
              }}
            />
          </Flex>
        </Form.Item>
      </Form>
      {recordId && (
        <Flex vertical gap={16}>
          <Flex justify="end">
            <AutoAssignButton entity={entity} id={recordId} showResult={false} />
          </Flex>
          <AssignmentExplainPanel entity={entity} id={recordId} />
        </Flex>
      )}
    </Drawer>
  );
}
