import type { TGradeBand, TScorecard } from '@tierline/contracts';
import { Drawer, Flex, Typography, theme } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { computationSections, type HowSection, type HowSectionId, lineText } from '../computation.ts';
import { kpiLabel } from '../kpis.ts';
import { periodLabel } from '../periods.ts';

interface ComputationDrawerProps {
  card: TScorecard;
  /** The grade bands that applied; null when they could not be read (the grade line then says less). */
  bands: readonly TGradeBand[] | null;
  /** The section the reader clicked (it is highlighted and scrolled to); null: closed. */
  focus: HowSectionId | null;
  onClose: () => void;
}

/** 计算过程: the whole computation of a scorecard, line by line, opened at the score that was clicked. */
export function ComputationDrawer({ card, bands, focus, onClose }: ComputationDrawerProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const sections = useMemo(() => computationSections(card, bands, t, i18n.language), [card, bands, t, i18n.language]);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus) return;
    // After the drawer has laid out its content: the focused section scrolls into view.
    const timer = setTimeout(() => body.current?.querySelector(`[data-section="${focus}"]`)?.scrollIntoView({ block: 'nearest' }), 50);
    return () => clearTimeout(timer);
  }, [focus]);

  const title = (section: HowSection) =>
    section.id.startsWith('kpi:')
      ? kpiLabel(section.id.slice(4) as Parameters<typeof kpiLabel>[0], t)
      : t(`performance.how.sections.${section.id as Exclude<HowSectionId, `kpi:${string}`>}`);

  return (
    <Drawer
      open={focus !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={
        <Flex vertical>
          <span>{t('performance.card.how')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
            {card.subject.name} · {periodLabel(card.period, t)}
          </Typography.Text>
        </Flex>
      }
      data-testid="computation-drawer"
    >
      <div ref={body}>
        {sections.map((section) => {
          const focused = section.id === focus;
          return (
            <section
              key={section.id}
              data-section={section.id}
              data-testid={`how-${section.id}`}
              style={{
                padding: '8px 12px',
                marginBottom: 8,
                borderRadius: token.borderRadius,
                borderInlineStart: `3px solid ${focused ? token.colorPrimary : token.colorBorderSecondary}`,
                background: focused ? token.colorPrimaryBg : undefined,
              }}
            >
              <Typography.Text strong>{title(section)}</Typography.Text>
              {section.lines.map((line, i) => (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a section are fixed for one scorecard
                  key={i}
                  data-testid="how-line"
                  style={{ fontVariantNumeric: 'tabular-nums', marginTop: 4, overflowWrap: 'anywhere' }}
                >
                  {lineText(line, t)}
                </div>
              ))}
            </section>
          );
        })}
      </div>
    </Drawer>
  );
}
