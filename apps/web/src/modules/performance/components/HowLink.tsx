import { CalculatorOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HowSectionId } from '../computation.ts';

interface HowLinkProps {
  section: HowSectionId;
  onOpen: (section: HowSectionId) => void;
  children: ReactNode;
  /** What the figure is, for the tooltip and screen readers ("总分的计算过程"). */
  what: string;
  testId?: string;
}

/** A score that opens its computation (计算过程) when clicked: every score on a scorecard is one of these. */
export function HowLink({ section, onOpen, children, what, testId }: HowLinkProps) {
  const { t } = useTranslation();
  const label = t('performance.card.howOf', { what });
  return (
    <Tooltip title={label}>
      <Typography.Link
        onClick={() => onOpen(section)}
        aria-label={label}
        data-testid={testId}
        style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, whiteSpace: 'nowrap' }}
      >
        {children}
        <CalculatorOutlined style={{ fontSize: '0.75em', marginInlineStart: 4, opacity: 0.6 }} />
      </Typography.Link>
    </Tooltip>
  );
}
