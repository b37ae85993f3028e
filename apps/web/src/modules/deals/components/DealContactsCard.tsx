import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Modal, Select, Table, type TableProps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../../shared/errors.ts';
import { BUYING_ROLE_COLORS, BUYING_ROLES, useContacts } from '../../customers/contacts.api.ts';
import { type TDealContactRole, type TDealDetail, useSetDealContacts } from '../deals.api.ts';

/** The buying committee: which of the customer's contacts play which role in this deal. */
export function DealContactsCard({ deal, editable }: { deal: TDealDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contacts = useContacts(deal.customerId);
  const save = useSetDealContacts(deal);
  const showError = useShowError();
  const [form] = Form.useForm<{ contacts: TDealContactRole[] }>();
  const [open, setOpen] = useState(false);
  const byId = new Map(contacts.rows.map((c) => [c.id, c]));

  useEffect(() => {
    if (open) form.setFieldsValue({ contacts: deal.contacts });
  }, [open, deal.contacts, form]);

  const columns: TableProps<TDealContactRole>['columns'] = [
    {
      key: 'name',
      title: t('contacts.name'),
      render: (_, r) => byId.get(r.contactId)?.name ?? '…',
    },
    { key: 'title', title: t('contacts.title'), responsive: ['sm'], render: (_, r) => byId.get(r.contactId)?.title ?? '—' },
    {
      key: 'role',
      title: t('contacts.buyingRole'),
      render: (_, r) => <Tag color={BUYING_ROLE_COLORS[r.role]}>{t(`contacts.roles.${r.role}`)}</Tag>,
    },
  ];

  const onFinish = (v: { contacts?: TDealContactRole[] }) =>
    save.mutate(v.contacts ?? [], {
      onSuccess: () => {
        void message.success(t('deals.contacts.saved'));
        setOpen(false);
      },
      onError: (e) => showError(e),
    });

  return (
    <Card
      size="small"
      title={t('deals.contacts.title')}
      extra={
        editable &&
        deal.customerId && (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      {!deal.customerId ? (
        <Typography.Text type="secondary">{t('deals.contacts.needCustomer')}</Typography.Text>
      ) : (
        <Table<TDealContactRole>
          rowKey={(r) => `${r.contactId}:${r.role}`}
          size="small"
          pagination={false}
          columns={columns}
          dataSource={deal.contacts}
          locale={{ emptyText: t('deals.contacts.empty') }}
          data-testid="deal-contacts"
        />
      )}
      <Modal
        open={open}
        title={t('deals.contacts.editTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={save.isPending}
        forceRender
      >
        <Typography.Paragraph type="secondary">
          {t('deals.contacts.hint')} <Link to={`/customers/${deal.customerId}?tab=contacts`}>{t('deals.contacts.addOnCustomer')}</Link>
        </Typography.Paragraph>
        <Form name="dealContacts" form={form} onFinish={onFinish}>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="flex-start">
                    <Form.Item
                      name={[field.name, 'contactId']}
                      rules={[{ required: true, message: t('validation.required') }]}
                      style={{ flex: 3 }}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('deals.contacts.pickContact')}
                        aria-label={t('contacts.name')}
                        options={contacts.rows.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'role']}
                      rules={[{ required: true, message: t('validation.required') }]}
                      style={{ flex: 2 }}
                    >
                      <Select
                        placeholder={t('contacts.buyingRole')}
                        aria-label={t('contacts.buyingRole')}
                        options={BUYING_ROLES.map((r) => ({ value: r, label: t(`contacts.roles.${r}`) }))}
                      />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
                  {t('deals.contacts.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
