import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import type { TImportEntity, TImportField, TImportMapping, TImportPreview } from '../imports.api.ts';
import { useImportLabels } from '../labels.ts';
import {
  fieldsByColumn,
  hasValueMap,
  missingRequired,
  setColumn,
  setDefault,
  setValue,
  unmappedValues,
  unusedColumns,
  valuesToMap,
} from '../mapping.ts';

interface Props {
  entity: TImportEntity;
  preview: TImportPreview;
  mapping: TImportMapping;
  onChange: (mapping: TImportMapping) => void;
  /** After a refused "next": required fields without a column or default are marked. */
  showMissing: boolean;
}

/**
 * Step 2 of the wizard: one row per field the entity's import fills — the file's column it reads (the server's
 * guess preselected), a default for empty cells, and for enums or columns with few distinct values a map from the
 * file's values to Tierline's. Under it the file's first rows, headed by the fields each column feeds.
 */
export function MappingEditor({ entity, preview, mapping, onChange, showMissing }: Props) {
  const { t } = useTranslation();
  const labels = useImportLabels(entity);
  const isPhone = useIsPhone();
  const { distinctValues } = preview;
  // Enum fields whose file values are not recognised open by themselves: that is where the user has work to do.
  const [expanded, setExpanded] = useState<string[]>(() =>
    preview.fields.filter((f) => unmappedValues(f, mapping[f.key], distinctValues).length > 0).map((f) => f.key),
  );
  const missing = useMemo(() => new Set(missingRequired(preview.fields, mapping).map((f) => f.key)), [preview.fields, mapping]);
  const unused = unusedColumns(preview.columns, mapping);
  const columnOptions = preview.columns.map((column) => ({ value: column, label: column }));

  const toggle = (key: string) => setExpanded((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]));

  const isMissing = (field: TImportField) => showMissing && missing.has(field.key);

  const fieldCell = (field: TImportField) => {
    const hint = field.kind === 'lookup' || field.lookup ? labels.lookupHint(field) : null;
    return (
      <Flex vertical gap={2}>
        <span>
          {field.required && (
            <Typography.Text type="danger" aria-label={t('imports.mapping.required')}>
              *{' '}
            </Typography.Text>
          )}
          {labels.fieldLabel(field.key)}{' '}
          <Tag bordered={false} style={{ marginInlineStart: 4 }}>
            {t(`imports.kinds.${field.kind}`)}
          </Tag>
        </span>
        {hint && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        )}
      </Flex>
    );
  };

  const columnCell = (field: TImportField, style: CSSProperties) => (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={`${labels.fieldLabel(field.key)} ${t('imports.mapping.column')}`}
      data-testid={`import-column-${field.key}`}
      placeholder={t('imports.mapping.noColumn')}
      style={style}
      status={isMissing(field) ? 'error' : undefined}
      value={mapping[field.key]?.column}
      options={columnOptions}
      onChange={(column) => onChange(setColumn(mapping, field.key, column))}
    />
  );

  const defaultCell = (field: TImportField, style: CSSProperties) =>
    field.kind === 'enum' && field.options?.length ? (
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={`${labels.fieldLabel(field.key)} ${t('imports.mapping.default')}`}
        placeholder={t('imports.mapping.defaultPlaceholder')}
        style={style}
        status={isMissing(field) ? 'error' : undefined}
        value={mapping[field.key]?.default}
        options={field.options.map((option) => ({ value: option, label: labels.optionLabel(field.key, option) }))}
        onChange={(value) => onChange(setDefault(mapping, field.key, value))}
      />
    ) : (
      <Input
        allowClear
        aria-label={`${labels.fieldLabel(field.key)} ${t('imports.mapping.default')}`}
        placeholder={t('imports.mapping.defaultPlaceholder')}
        style={style}
        status={isMissing(field) ? 'error' : undefined}
        value={mapping[field.key]?.default ?? ''}
        onChange={(event) => onChange(setDefault(mapping, field.key, event.target.value))}
      />
    );

  const valuesCell = (field: TImportField) => {
    const source = mapping[field.key];
    if (!hasValueMap(field, source, preview)) return null;
    const count = Object.keys(source?.values ?? {}).length;
    const unknown = unmappedValues(field, source, distinctValues);
    return (
      <Flex align="center" gap={4}>
        <Button type="link" size="small" onClick={() => toggle(field.key)} data-testid={`import-values-${field.key}`}>
          {count > 0 ? t('imports.mapping.valuesCount', { count }) : t('imports.mapping.values')}
        </Button>
        {unknown.length > 0 && (
          <Tooltip title={t('imports.mapping.unmapped', { count: unknown.length, values: unknown.join(t('common.listSeparator')) })}>
            <WarningOutlined style={{ color: '#faad14' }} aria-label={t('imports.mapping.values')} />
          </Tooltip>
        )}
      </Flex>
    );
  };

  const valueMap = (field: TImportField) => (
    <ValueMap
      entity={entity}
      field={field}
      mapping={mapping}
      values={valuesToMap(mapping[field.key], distinctValues)}
      onChange={onChange}
    />
  );

  const columns: TableProps<TImportField>['columns'] = [
    { key: 'field', title: t('imports.mapping.field'), width: 220, render: (_, field) => fieldCell(field) },
    { key: 'column', title: t('imports.mapping.column'), width: 220, render: (_, field) => columnCell(field, { width: 200 }) },
    { key: 'default', title: t('imports.mapping.default'), width: 200, render: (_, field) => defaultCell(field, { width: 180 }) },
    { key: 'values', title: t('imports.mapping.values'), render: (_, field) => valuesCell(field) },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('imports.mapping.intro')}</Typography.Text>
      {showMissing && missing.size > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="import-missing"
          title={t('imports.mapping.missing', {
            fields: [...missing].map((key) => labels.fieldLabel(key)).join(t('common.listSeparator')),
          })}
        />
      )}
      {isPhone ? (
        // A phone has no room for four columns: each field is a block, its inputs full width.
        <Flex vertical>
          {preview.fields.map((field) => (
            <Flex
              key={field.key}
              vertical
              gap={8}
              style={{ padding: '12px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
              data-testid={`import-field-${field.key}`}
            >
              {fieldCell(field)}
              {columnCell(field, { width: '100%' })}
              {defaultCell(field, { width: '100%' })}
              {valuesCell(field)}
              {expanded.includes(field.key) && hasValueMap(field, mapping[field.key], preview) && valueMap(field)}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Table<TImportField>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={preview.fields}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowKeys: expanded,
            showExpandColumn: false,
            rowExpandable: (field) => hasValueMap(field, mapping[field.key], preview),
            expandedRowRender: valueMap,
          }}
        />
      )}
      {unused.length > 0 && (
        <Typography.Text type="secondary" data-testid="import-unused">
          {t('imports.mapping.unused', { columns: unused.join(t('common.listSeparator')) })}
        </Typography.Text>
      )}
      <SampleTable entity={entity} preview={preview} mapping={mapping} />
    </Flex>
  );
}

/** One field's value map: each distinct value of its column → one of the field's options (or free text). */
function ValueMap({
  entity,
  field,
  mapping,
  values,
  onChange,
}: {
  entity: TImportEntity;
  field: TImportField;
  mapping: TImportMapping;
  values: string[];
  onChange: (mapping: TImportMapping) => void;
}) {
  const { t } = useTranslation();
  const labels = useImportLabels(entity);
  const map = mapping[field.key]?.values ?? {};
  const options = field.kind === 'enum' ? (field.options ?? []) : [];

  const target = (value: string) =>
    options.length > 0 ? (
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={`${value} ${t('imports.mapping.target')}`}
        placeholder={t('imports.mapping.asIs')}
        style={{ width: '100%' }}
        value={map[value]}
        options={options.map((option) => ({ value: option, label: labels.optionLabel(field.key, option) }))}
        onChange={(chosen) => onChange(setValue(mapping, field.key, value, chosen))}
      />
    ) : (
      <Input
        allowClear
        aria-label={`${value} ${t('imports.mapping.target')}`}
        placeholder={t('imports.mapping.asIs')}
        style={{ width: '100%' }}
        value={map[value] ?? ''}
        onChange={(event) => onChange(setValue(mapping, field.key, value, event.target.value))}
      />
    );

  // Two columns that fit a phone as well: the file's value (wrapping) beside its target.
  const row: CSSProperties = { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)', gap: 8, alignItems: 'center' };
  return (
    <Flex vertical gap={8} style={{ maxWidth: 560 }} data-testid={`import-value-map-${field.key}`}>
      <Typography.Text strong>{t('imports.mapping.valuesTitle', { field: labels.fieldLabel(field.key) })}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('imports.mapping.valuesIntro')}
        {options.length > 0 && <> {t('imports.mapping.options', { options: options.join(t('common.listSeparator')) })}</>}
      </Typography.Text>
      <div style={row}>
        <Typography.Text type="secondary">{t('imports.mapping.fileValue')}</Typography.Text>
        <Typography.Text type="secondary">{t('imports.mapping.target')}</Typography.Text>
      </div>
      {values.map((value) => (
        <div key={value} style={row}>
          <Typography.Text style={{ wordBreak: 'break-word' }}>{value}</Typography.Text>
          {target(value)}
        </div>
      ))}
    </Flex>
  );
}

/** The file's first rows as read, each column headed by its name and the fields it feeds. */
function SampleTable({ entity, preview, mapping }: { entity: TImportEntity; preview: TImportPreview; mapping: TImportMapping }) {
  const { t } = useTranslation();
  const labels = useImportLabels(entity);
  const byColumn = fieldsByColumn(mapping);
  const rows = preview.sampleRows.map((cells, index) => ({ index, cells }));

  const columns: TableProps<{ index: number; cells: string[] }>['columns'] = [
    { key: '#', title: '#', width: 48, render: (_, row) => row.index + 1 },
    ...preview.columns.map((column, i) => {
      const fed = byColumn.get(column);
      return {
        key: `c${i}`,
        title: (
          <Flex vertical>
            <span>{column}</span>
            {fed && (
              <Typography.Text type="success" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {t('imports.mapping.mappedTo', { fields: fed.map((key) => labels.fieldLabel(key)).join(t('common.listSeparator')) })}
              </Typography.Text>
            )}
          </Flex>
        ),
        render: (_: unknown, row: { cells: string[] }) => (
          <Typography.Text ellipsis={{ tooltip: row.cells[i] }} style={{ maxWidth: 200 }}>
            {row.cells[i] ?? ''}
          </Typography.Text>
        ),
      };
    }),
  ];

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('imports.mapping.sample', { count: rows.length })}
      </Typography.Title>
      <Table<{ index: number; cells: string[] }>
        rowKey="index"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 320 }}
        locale={{ emptyText: t('imports.mapping.sampleNone') }}
        data-testid="import-sample"
      />
    </Flex>
  );
}
