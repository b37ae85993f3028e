import { Button, Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAIN_NAV, type NavKey } from './navigation.tsx';

/** The page of a module that is planned but not built yet: a clear message, never a broken link. */
export function ComingSoonPage({ navKey }: { navKey: NavKey }) {
  const { t } = useTranslation();
  const icon = MAIN_NAV.find((item) => item.key === navKey)?.icon;
  return (
    <Card>
      <Result
        icon={<span style={{ fontSize: 64, color: '#1f5fbf' }}>{icon}</span>}
        title={t('pages.comingSoonTitle', { module: t(`nav.${navKey}`) })}
        subTitle={t('pages.comingSoonText')}
        extra={
          <Link to="/">
            <Button>{t('common.backHome')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
