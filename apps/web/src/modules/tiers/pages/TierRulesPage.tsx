import type { TTierSummary } from '@tierline/contracts';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { errorText } from '../../../shared/errors.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { TierPreviewResult } from '../components/TierPreviewResult.tsx';
import { TierRulesForm } from '../components/TierRulesForm.tsx';
import { draftProblems, type RulesFormValues, sameRules, toDraft, toFormValues } from '../tierRulesDraft.ts';
import { tierName, useApplyTierRules, usePreviewTierRules, useTierRules, useTiers } from '../tiers.api.ts';

const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in local time

/** The end of the chosen day, or now for today: the as-of date the window ends at. */
function asOfTimestamp(day: string): string {
  return day === today() ? new Date().toISOString() : new Date(`${day}T23:59:59.999`).toISOString();
}

/**
 * 分级规则: the rules in force, edited here; "Preview" shows what they would do (changes nothing),
 * "Apply" saves them as a new version and recomputes every customer's tier, after a confirmation.
 */
export function TierRulesPage() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const rules = useTierRules();
  const { tiers, byId } = useTiers();
  const preview = usePreviewTierRules();
  const apply = useApplyTierRules();
  const [form] = Form.useForm<RulesFormValues>();
  const [asOfDay, setAsOfDay] = useState(today);
  // Edits since the page loaded; Apply is offered only for exactly what the shown preview was made of.
  const [edits, setEdits] = useState(0);
  const [previewedAt, setPreviewedAt] = useState<number | null>(null);
  const [applied, setApplied] = useState<TTierSummary | null>(null);
  const [problems, setProblems] = useState(new Map<string, string>());

  useEffect(() => {
    if (rules.data && tiers.length) form.setFieldsValue(toFormValues(rules.data, tiers));
  }, [rules.data, tiers, form]);

  const currentDraft = () => toDraft(form.getFieldsValue(true) as RulesFormValues, tiers);
  const onValuesChange = () => {
    setEdits((n) => n + 1);
    setProblems(new Map());
  };

  const check = async () => {
    await form.validateFields();
    const draft = currentDraft();
    const found = draftProblems(draft, tiers);
    setProblems(new Map(found.map((p) => [p.tierId, t(`tiers.problems.${p.problem}`)])));
    return found.length ? null : draft;
  };

  const onPreview = async () => {
    const draft = await check().catch(() => null);
    if (!draft) return;
    const at = edits;
    setApplied(null);
    preview.mutate({ rules: draft, asOf: asOfTimestamp(asOfDay) }, { onSuccess: () => setPreviewedAt(at) });
  };

  const onApply = () => {
    const summary = preview.data;
    if (!summary || !rules.data) return;
    const draft = currentDraft();
    const changed = !sameRules(draft, rules.data);
    const moves = summary.moves.map((m) =>
      t('tiers.apply.move', {
        from: tierName(byId.get(m.fromTierId), i18n.language),
        to: tierName(byId.get(m.toTierId), i18n.language),
        n: m.count,
      }),
    );
    modal.confirm({
      title: t('tiers.apply.confirmTitle'),
      width: 520,
      content: (
        <>
          <Typography.Paragraph>
            {changed
              ? t('tiers.apply.newVersion', { version: rules.data.version + 1 })
              : t('tiers.apply.sameVersion', { version: rules.data.version })}{' '}
            {t('tiers.apply.asOf', { date: formatDate(asOfDay, i18n.language) })}
          </Typography.Paragraph>
          <Typography.Paragraph strong>{t('tiers.apply.changed', { n: summary.changed })}</Typography.Paragraph>
          {moves.length > 0 && (
            <ul data-testid="apply-moves">
              {moves.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </>
      ),
      okText: t('tiers.apply.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        apply
          .mutateAsync({ rules: changed ? draft : null, basedOn: rules.data?.version ?? 1, asOf: asOfTimestamp(asOfDay) })
          .then((result) => {
            void message.success(t('tiers.apply.done', { changed: result.changed }));
            setApplied(result);
            setPreviewedAt(null);
          })
          .catch((error: unknown) => {
            modal.error({ title: t('tiers.apply.failed'), content: errorText(error, t) });
          }),
    });
  };

  const serverProblems = useMemo(() => (isApiError(preview.error) ? (preview.error.problem.errors ?? []) : []), [preview.error]);
  if (rules.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (rules.isError) return <LoadError error={rules.error} onRetry={rules.refetch} />;
  const upToDate = previewedAt === edits && preview.data !== undefined;

  return (
    <>
      <PageHeader title={t('tiers.rules.title')} />
      <Typography.Paragraph type="secondary">
        {t('tiers.rules.current', { version: rules.data.version, at: formatDateTime(rules.data.createdAt, i18n.language) })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('tiers.rules.edit')}>
            <TierRulesForm form={form} tiers={tiers} problems={problems} onValuesChange={onValuesChange} />
            <Form.Item label={t('tiers.rules.asOf')} style={{ marginTop: 16 }}>
              <Input
                type="date"
                value={asOfDay}
                max={today()}
                onChange={(e) => {
                  setAsOfDay(e.target.value || today());
                  setEdits((n) => n + 1);
                }}
                style={{ width: 180 }}
              />
            </Form.Item>
            <Flex gap={8} wrap>
              <Button onClick={onPreview} loading={preview.isPending}>
                {t('tiers.rules.preview')}
              </Button>
              <Button type="primary" onClick={onApply} disabled={!upToDate} loading={apply.isPending}>
                {t('tiers.rules.apply')}
              </Button>
            </Flex>
            {!upToDate && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('tiers.rules.previewFirst')}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {preview.isError && (
            <Alert
              type="error"
              showIcon
              title={errorText(preview.error, t)}
              description={serverProblems.length ? serverProblems.map((p) => <div key={p.path}>{p.message}</div>) : undefined}
              style={{ marginBottom: 12 }}
            />
          )}
          {applied ? (
            <Card title={t('tiers.apply.resultTitle', { version: applied.ruleVersion ?? '?' })}>
              <TierPreviewResult summary={applied} applied />
            </Card>
          ) : preview.data ? (
            <Card title={upToDate ? t('tiers.preview.title') : t('tiers.preview.outdated')}>
              <TierPreviewResult summary={preview.data} />
            </Card>
          ) : (
            <Card>
              <Typography.Text type="secondary">{t('tiers.preview.none')}</Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
