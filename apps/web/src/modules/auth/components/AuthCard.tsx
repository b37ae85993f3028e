import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The card holding a public form (sign-in, setup, reset), with its title and one line of context. */
export function AuthCard({ title, subtitle, children }: { title: ReactNode; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Card style={{ boxShadow: '0 6px 24px rgba(31, 95, 191, 0.08)' }} styles={{ body: { padding: '28px 28px 12px' } }}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {title}
      </Typography.Title>
      {subtitle && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
          {subtitle}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}
