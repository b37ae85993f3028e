import type { TCustomer } from '@tierline/contracts';
import { App, Button, Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { tierName, useSetCustomerTier, useTiers } from '../tiers.api.ts';

interface SetTierValues {
  tierId: string;
  reason: string;
  pinned: boolean;
}

/** A manager sets the tier by hand, says why, and may pin it so tier rules leave the customer alone. */
export function SetTierForm({ customer }: { customer: TCustomer }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SetTierValues>();
  const { tiers } = useTiers();
  const setTier = useSetCustomerTier(customer.id);
  const showError = useShowError();

  useEffect(() => {
    form.setFieldsValue({ tierId: customer.tierId, pinned: customer.tierPinned });
  }, [customer.tierId, customer.tierPinned, form]);

  const onFinish = (v: SetTierValues) =>
    setTier.mutate(
      { tierId: v.tierId, reason: v.reason.trim(), pinned: v.pinned, version: customer.version },
      {
        onSuccess: () => {
          void message.success(t('tiers.set.done'));
          form.setFieldValue('reason', '');
        },
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Form<SetTierValues> name="setTier" form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="set-tier-form">
      <Form.Item name="tierId" label={t('tiers.set.tier')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={tiers.map((tier) => ({ value: tier.id, label: tierName(tier, i18n.language) }))} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('tiers.set.reason')}
        rules={[{ required: true, whitespace: true, message: t('tiers.set.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('tiers.set.reasonPlaceholder')} />
      </Form.Item>
      <Form.Item name="pinned" label={t('tiers.set.pinned')} valuePropName="checked" extra={t('tiers.pinnedHint')}>
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={setTier.isPending} disabled={customer.deletedAt !== null}>
        {t('tiers.set.submit')}
      </Button>
    </Form>
  );
}
