import type { TAssignmentEntity, TAssignmentRule } from '@tierline/contracts';
import { App, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useDeleteRule, useReorderRules, useUpdateRule } from '../assignment.api.ts';
import { dropOnto, moveBy } from '../reorder.ts';
import { RuleCard } from './RuleCard.tsx';

interface RuleListProps {
  entity: TAssignmentEntity;
  /** The entity's rules in the order they are tried. */
  rules: TAssignmentRule[];
  editable: boolean;
  onEdit: (rule: TAssignmentRule) => void;
}

/** An entity's rules, first tried first; reordered by drag (desktop) or the up/down buttons. */
export function RuleList({ entity, rules, editable, onEdit }: RuleListProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const isPhone = useIsPhone();
  const reorder = useReorderRules();
  const update = useUpdateRule();
  const remove = useDeleteRule();
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const ids = rules.map((r) => r.id);

  const saveOrder = (next: string[] | null) => {
    if (!next) return;
    reorder.mutate(
      { entity, ids: next },
      { onSuccess: () => void message.success(t('assignment.rules.reordered')), onError: (e) => showError(e) },
    );
  };

  const toggle = (rule: TAssignmentRule, active: boolean) =>
    update.mutate(
      { id: rule.id, version: rule.version, active },
      {
        onSuccess: () => void message.success(t(active ? 'assignment.rules.activated' : 'assignment.rules.deactivated')),
        onError: (e) => showError(e),
      },
    );

  const onDelete = (rule: TAssignmentRule) =>
    remove.mutate(rule, { onSuccess: () => void message.success(t('assignment.rules.deleted')), onError: (e) => showError(e) });

  if (!rules.length) {
    return <Empty description={t('assignment.rules.empty', { entity: t(`assignment.nouns.${entity}`) })} />;
  }

  const canDrag = editable && !isPhone && rules.length > 1;
  return (
    <Flex vertical gap={12}>
      {editable && rules.length > 1 && (
        <Typography.Text type="secondary">{t(isPhone ? 'assignment.rules.phoneHint' : 'assignment.rules.dragHint')}</Typography.Text>
      )}
      {rules.map((rule, i) => (
        <RuleCard
          key={rule.id}
          rule={rule}
          place={i + 1}
          editable={editable}
          canMoveUp={i > 0 && !reorder.isPending}
          canMoveDown={i < rules.length - 1 && !reorder.isPending}
          onMove={(delta) => saveOrder(moveBy(ids, rule.id, delta))}
          onEdit={() => onEdit(rule)}
          onDelete={() => onDelete(rule)}
          onToggle={(active) => toggle(rule, active)}
          toggling={update.isPending && update.variables?.id === rule.id}
          draggable={canDrag}
          dropTarget={dragged !== null && over === rule.id && dragged !== rule.id}
          onDragStart={() => setDragged(rule.id)}
          onDragEnd={() => {
            setDragged(null);
            setOver(null);
          }}
          onDragOver={(e) => {
            if (!dragged) return;
            // Accepting the drop: without preventDefault the browser refuses it.
            e.preventDefault();
            setOver(rule.id);
          }}
          onDrop={(e) => {
            e.preventDefault();
            if (dragged) saveOrder(dropOnto(ids, dragged, rule.id));
            setDragged(null);
            setOver(null);
          }}
        />
      ))}
    </Flex>
  );
}
