import { theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * The card holding a public form (sign-in, setup, reset), with its title and one line of context.
 * Plain elements in antd's tokens rather than antd's Card and Typography: Card brings Tabs, Dropdown and Menu along
 * (its tab bar and actions), Typography its copy and edit tools, and this card is on the first page everyone loads.
 */
export function AuthCard({ title, subtitle, children }: { title: ReactNode; subtitle?: ReactNode; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <section
      style={{
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        boxShadow: '0 6px 24px rgba(31, 95, 191, 0.08)',
        padding: '28px 28px 12px',
      }}
    >
      <h3
        style={{
          margin: '0 0 4px',
          color: token.colorTextHeading,
          fontSize: token.fontSizeHeading3,
          lineHeight: token.lineHeightHeading3,
          fontWeight: token.fontWeightStrong,
        }}
      >
        {title}
      </h3>
      {subtitle && <p style={{ margin: '0 0 24px', color: token.colorTextDescription }}>{subtitle}</p>}
      {children}
    </section>
  );
}
