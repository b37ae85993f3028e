import type { TImportEntity, TImportField } from '@tierline/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where the app already names an enum field's values (customer statuses, activity kinds…): the value map shows
 * "成交客户 · active" instead of the bare key. Keyed by `entity.field`; other values are shown as they are.
 */
const OPTION_LABELS: Record<string, string> = {
  'customers.status': 'customers.statuses',
  'contacts.seniority': 'contacts.seniorities',
  'contacts.buyingRole': 'contacts.roles',
  'leads.status': 'leads.statuses',
  'deals.forecastCategory': 'deals.forecasts',
  'activities.kind': 'activities.kinds',
  'activities.outcome': 'activities.outcomes',
  'payments.method': 'contracts.payments.methods',
  'users.role': 'roles',
};

/** Labels of the import wizard that depend on the entity and field: looked up, with the key itself as the fallback. */
export function useImportLabels(entity: TImportEntity) {
  const { t, i18n } = useTranslation();

  const lookup = useCallback((key: string): string | null => (i18n.exists(key) ? (t(key as 'imports.title') as string) : null), [t, i18n]);

  const fieldLabel = useCallback((key: string) => lookup(`imports.fields.${entity}.${key}`) ?? key, [lookup, entity]);

  const optionLabel = useCallback(
    (key: string, value: string) => {
      const prefix = OPTION_LABELS[`${entity}.${key}`];
      const label = prefix ? lookup(`${prefix}.${value}`) : null;
      return label ? `${label} · ${value}` : value;
    },
    [lookup, entity],
  );

  /** How a lookup field is matched: our words where we know the field, else the server's description. */
  const lookupHint = useCallback(
    (field: TImportField) => lookup(`imports.lookups.${field.key}`) ?? (field.lookup ? field.lookup : null),
    [lookup],
  );

  return useMemo(() => ({ fieldLabel, optionLabel, lookupHint }), [fieldLabel, optionLabel, lookupHint]);
}
