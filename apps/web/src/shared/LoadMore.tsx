import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  /** Rows shown so far; "no more" is only worth saying when there is something above it. */
  count: number;
}

/** The footer under a cursor-paginated table. */
export function LoadMore({ hasNextPage, isFetchingNextPage, fetchNextPage, count }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!hasNextPage && count === 0) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      {hasNextPage ? (
        <Button onClick={() => fetchNextPage()} loading={isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </Flex>
  );
}
