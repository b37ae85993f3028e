import { Table, type TableProps } from 'antd';
import { LoadMore } from './LoadMore.tsx';
import type { useCursorList } from './list.ts';
import { LoadError } from './StatusPages.tsx';

type CursorList<T> = ReturnType<typeof useCursorList<T>>;

/**
 * A cursor-paged list as a table: the error state (with retry) when the first page fails, else the
 * rows and a "load more" under them. Pages own their columns and filters; this owns the plumbing.
 */
export function CursorTable<T extends { id: string }>({
  list,
  columns,
  ...rest
}: { list: CursorList<T>; columns: TableProps<T>['columns'] } & Omit<TableProps<T>, 'columns' | 'dataSource'>) {
  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={list.refetch} />;
  return (
    <>
      <Table<T>
        rowKey="id"
        columns={columns}
        dataSource={list.rows}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        {...rest}
      />
      <LoadMore
        count={list.rows.length}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
    </>
  );
}
