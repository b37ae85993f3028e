import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined } from '@ant-design/icons';
import type { TAssignmentRule } from '@tierline/contracts';
import { Button, Card, Flex, Popconfirm, Switch, Tag, Tooltip, Typography } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuleWords } from './useRuleWords.ts';

interface RuleCardProps {
  rule: TAssignmentRule;
  /** 1-based place in the order the rules are tried. */
  place: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Editors may change it; others (read-only) see the same card without controls. */
  editable: boolean;
  /** Desktop only: phones have no drag and drop worth the name, they use the buttons. */
  draggable: boolean;
  dropTarget: boolean;
  onMove: (delta: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
  onToggle: (active: boolean) => void;
  toggling: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDragOver: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
}

/** One rule in the list: its place, name, conditions, who receives and how, and its controls. */
export function RuleCard(props: RuleCardProps) {
  const { rule, place, editable } = props;
  const { t } = useTranslation();
  const words = useRuleWords();
  const line = (label: string, text: string) => (
    <Typography.Paragraph style={{ margin: 0 }}>
      <Typography.Text type="secondary">
        {label}
        {t('assignment.colon')}
      </Typography.Text>
      {text}
    </Typography.Paragraph>
  );

  const actions = editable ? (
    <Flex gap={4} wrap style={{ flex: 'none' }}>
      {[
        <Tooltip key="up" title={t('assignment.rules.moveUp')}>
          <Button
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label={t('assignment.rules.moveUp')}
            disabled={!props.canMoveUp}
            onClick={() => props.onMove(-1)}
          />
        </Tooltip>,
        <Tooltip key="down" title={t('assignment.rules.moveDown')}>
          <Button
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={t('assignment.rules.moveDown')}
            disabled={!props.canMoveDown}
            onClick={() => props.onMove(1)}
          />
        </Tooltip>,
        <Button key="edit" type="text" icon={<EditOutlined />} onClick={props.onEdit}>
          {t('common.edit')}
        </Button>,
        <Popconfirm
          key="delete"
          title={t('assignment.rules.deleteConfirm', { name: rule.name })}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={props.onDelete}
        >
          <Button type="text" danger icon={<DeleteOutlined />}>
            {t('common.delete')}
          </Button>
        </Popconfirm>,
      ]}
    </Flex>
  ) : null;

  return (
    <Card
      size="small"
      data-testid="assignment-rule"
      data-rule-id={rule.id}
      draggable={props.draggable}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        props.onDragStart();
      }}
      onDragEnd={props.onDragEnd}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
      style={{
        opacity: rule.active ? 1 : 0.65,
        // Where the dragged rule would land.
        outline: props.dropTarget ? '2px dashed #1677ff' : undefined,
        outlineOffset: 2,
      }}
      title={
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {props.draggable && <HolderOutlined style={{ cursor: 'grab', color: '#999' }} aria-hidden />}
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t('assignment.rules.position', { n: place })}
          </Tag>
          <Typography.Text strong ellipsis={{ tooltip: rule.name }} style={{ minWidth: 0 }}>
            {rule.name}
          </Typography.Text>
          {!rule.active && <Tag>{t('assignment.rules.inactive')}</Tag>}
        </Flex>
      }
      extra={
        editable ? (
          <Switch
            checked={rule.active}
            loading={props.toggling}
            onChange={props.onToggle}
            aria-label={t('assignment.rules.activeSwitch', { name: rule.name })}
          />
        ) : undefined
      }
    >
      {/* Words on the left, controls on the right; on a phone the controls wrap under the words. */}
      <Flex justify="space-between" align="flex-end" gap={12} wrap>
        <Flex vertical gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          {line(t('assignment.rules.when'), words.conditions(rule))}
          {line(t('assignment.rules.assignTo'), words.receivers(rule))}
          {line(t('assignment.rules.strategy'), words.strategy(rule.strategy))}
        </Flex>
        {actions}
      </Flex>
    </Card>
  );
}
