import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from './errors.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title={t('pages.notFoundTitle')} subTitle={t('pages.notFoundText')} extra={<BackHome />} />;
}

export function ForbiddenPage({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <Result status="403" title={t('pages.forbiddenTitle')} subTitle={text ?? t('pages.forbiddenText')} extra={<BackHome />} />;
}

/** A query that failed as a whole (the first page of a list, a detail). */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('errors.loadFailed')}
      subTitle={errorText(error, t)}
      extra={<Button onClick={() => onRetry()}>{t('common.retry')}</Button>}
    />
  );
}

function BackHome() {
  const { t } = useTranslation();
  return (
    <Link to="/">
      <Button type="primary">{t('common.backHome')}</Button>
    </Link>
  );
}
