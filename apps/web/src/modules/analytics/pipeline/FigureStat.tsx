import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Delta } from '../components/Delta.tsx';

interface FigureStatProps {
  title: ReactNode;
  value: ReactNode;
  /** The change against the previous window (a fraction); undefined: compare is off, nothing shown. */
  delta?: number | null;
  lowerIsBetter?: boolean;
  testId?: string;
}

/** One headline number of a figure (created, won, win rate…), small enough for four across a phone's two rows. */
export function FigureStat({ title, value, delta, lowerIsBetter, testId }: FigureStatProps) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 120, flex: '1 1 120px' }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text strong style={{ fontSize: 18 }} data-testid={testId ? `${testId}-value` : undefined}>
          {value}
        </Typography.Text>
        {delta !== undefined && <Delta rate={delta} lowerIsBetter={lowerIsBetter} />}
      </Flex>
    </Flex>
  );
}
