import { theme } from 'antd';
import type { CSSProperties } from 'react';

/** The usual colours of the default bands; an organisation's own grades fall back to neutral. */
export function gradeColor(grade: string | null | undefined, token: ReturnType<typeof theme.useToken>['token']): string {
  switch (grade) {
    case 'S':
      return '#d48806';
    case 'A':
      return token.colorSuccess;
    case 'B':
      return token.colorPrimary;
    case 'C':
      return token.colorWarning;
    case 'D':
      return token.colorError;
    default:
      return token.colorTextSecondary;
  }
}

/** A grade as a coloured letter: big on a scorecard, small in tables. */
export function GradeBadge({
  grade,
  size = 'small',
  style,
}: {
  grade: string | null | undefined;
  size?: 'small' | 'large';
  style?: CSSProperties;
}) {
  const { token } = theme.useToken();
  const color = gradeColor(grade, token);
  const large = size === 'large';
  return (
    <span
      data-testid={large ? 'scorecard-grade' : undefined}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        minWidth: large ? 64 : 26,
        height: large ? 64 : 22,
        padding: '0 6px',
        borderRadius: large ? 12 : 6,
        border: `${large ? 2 : 1}px solid ${color}`,
        color,
        fontWeight: 700,
        fontSize: large ? 36 : 13,
        lineHeight: 1,
        ...style,
      }}
    >
      {grade ?? '—'}
    </span>
  );
}
