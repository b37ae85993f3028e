import { Button, Flex, Popover, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { heatColor, SKILL_LEVELS } from './skillHeat.ts';

interface SkillLevelPickerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  value: number | null;
  saving: boolean;
  onPick: (level: number | null) => void;
  children: ReactNode;
}

/** The small popover over a half-cell: levels 1–5 in their heat colours, and clear. */
export function SkillLevelPicker({ open, onOpenChange, title, value, saving, onPick, children }: SkillLevelPickerProps) {
  const { t } = useTranslation();
  return (
    <Popover
      open={open}
      onOpenChange={onOpenChange}
      trigger="click"
      title={title}
      destroyOnHidden
      content={
        <Flex vertical gap={8} data-testid="skill-level-picker">
          <Flex gap={6}>
            {SKILL_LEVELS.map((level) => {
              const colour = heatColor(level);
              return (
                <Button
                  key={level}
                  size="small"
                  disabled={saving}
                  aria-pressed={value === level}
                  onClick={() => onPick(level)}
                  title={t(`trainingTeam.skills.levels.${level}`)}
                  style={{
                    width: 32,
                    background: colour.background,
                    color: colour.color,
                    borderColor: value === level ? '#000' : colour.background,
                    borderWidth: value === level ? 2 : 1,
                    fontWeight: 600,
                  }}
                >
                  {level}
                </Button>
              );
            })}
          </Flex>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {value ? t(`trainingTeam.skills.levels.${value as 1 | 2 | 3 | 4 | 5}`) : t('trainingTeam.skills.unrated')}
            </Typography.Text>
            <Button size="small" type="link" disabled={saving || value === null} onClick={() => onPick(null)}>
              {t('trainingTeam.skills.clear')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {children}
    </Popover>
  );
}
