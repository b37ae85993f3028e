import type { TContact } from '@tierline/contracts';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { BUYING_ROLES, SENIORITIES, type TBuyingRole, type TSeniority, useSaveContact } from '../contacts.api.ts';

interface ContactFormValues {
  name: string;
  title?: string | null;
  seniority?: TSeniority | null;
  buyingRole?: TBuyingRole | null;
  phone?: string | null;
  email?: string | null;
  notes?: string | null;
}

interface ContactFormModalProps {
  customerId: string;
  open: boolean;
  /** The contact to edit; without one the form adds a contact. */
  contact: TContact | null;
  onClose: () => void;
}

const orNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

export function ContactFormModal({ customerId, open, contact, onClose }: ContactFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactFormValues>();
  const save = useSaveContact(customerId);
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (contact) {
      const { name, title, seniority, buyingRole, phone, email, notes } = contact;
      form.setFieldsValue({ name, title, seniority, buyingRole, phone, email, notes });
    }
  }, [open, contact, form]);

  const onFinish = (v: ContactFormValues) => {
    const body = {
      name: v.name.trim(),
      title: orNull(v.title),
      seniority: v.seniority ?? null,
      buyingRole: v.buyingRole ?? null,
      phone: orNull(v.phone),
      email: orNull(v.email),
      notes: orNull(v.notes),
    };
    save.mutate(contact ? { id: contact.id, version: contact.version, ...body } : body, {
      onSuccess: () => {
        void message.success(contact ? t('contacts.updated') : t('contacts.created'));
        onClose();
      },
      onError: (error) => showError(error, form),
    });
  };

  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={open}
      title={contact ? t('contacts.editTitle') : t('contacts.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form<ContactFormValues> name="contact" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="name"
              label={t('contacts.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={t('contacts.title')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="seniority" label={t('contacts.seniority')}>
              <Select allowClear options={SENIORITIES.map((s) => ({ value: s, label: t(`contacts.seniorities.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="buyingRole" label={t('contacts.buyingRole')}>
              <Select allowClear options={BUYING_ROLES.map((r) => ({ value: r, label: t(`contacts.roles.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('contacts.phone')}>
              <Input inputMode="tel" maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={t('contacts.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
              <Input inputMode="email" maxLength={254} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('contacts.notes')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
