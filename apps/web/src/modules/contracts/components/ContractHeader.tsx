import { ArrowLeftOutlined, DownOutlined, FundOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCustomersById } from '../../customers/customers.api.ts';
import { type ContractAction, contractActions } from '../contractMath.ts';
import { type TContractDetail, useDealNames } from '../contracts.api.ts';
import { ContractStatusTag } from './ContractStatusTag.tsx';
import { useContractStatusFlow } from './useContractStatusFlow.tsx';

/** The main move forward of each status gets a button; the rest (submit, cancel, delete) sit under "more". */
const PRIMARY = { draft: 'active', active: 'completed' } as const;

/** Number, status, customer and deal, with the status changes the contract's life allows. */
export function ContractHeader({ contract: c, writer }: { contract: TContractDetail; writer: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const customer = useCustomersById([c.customerId]).get(c.customerId);
  const dealName = useDealNames([c.dealId]).get(c.dealId ?? '');
  const { requestStatus, requestDelete, busy } = useContractStatusFlow(c);
  const actions = writer ? contractActions(c.status) : [];
  const primary = actions.find((a) => a === PRIMARY[c.status as keyof typeof PRIMARY]);
  const more = [
    ...actions.filter((a) => a !== primary).map((a) => ({ key: a, label: t(`contracts.actions.${a}`), danger: a === 'cancelled' })),
    ...(writer && c.status === 'draft' ? [{ key: 'delete', label: t('contracts.actions.delete'), danger: true }] : []),
  ];

  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>
          {t('common.back')}
        </Button>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="contract-number">
            {c.number}
          </Typography.Title>
          <ContractStatusTag status={c.status} />
        </Flex>
        <Space wrap size={[16, 0]}>
          <Link to={`/customers/${c.customerId}`} title={t('contracts.customer')}>
            <ShopOutlined /> {customer?.name ?? '…'}
          </Link>
          {c.dealId && (
            <Link to={`/deals/${c.dealId}`} title={t('contracts.deal')}>
              <FundOutlined /> {dealName ?? '…'}
            </Link>
          )}
        </Space>
      </div>
      {(primary || more.length > 0) && (
        <Space wrap>
          {primary && (
            <Button type="primary" loading={busy} onClick={() => requestStatus(primary)}>
              {t(`contracts.actions.${primary}`)}
            </Button>
          )}
          {more.length > 0 && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: more,
                onClick: ({ key }) => (key === 'delete' ? requestDelete() : requestStatus(key as ContractAction)),
              }}
            >
              <Button>
                {t('contracts.actions.more')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      )}
    </Flex>
  );
}
