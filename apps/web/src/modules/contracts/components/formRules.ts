import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The end date may not come before the start date (the server says the same, in English). */
export const endsNotBeforeStart =
  (t: TFunction): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_, endsOn?: string | null) => {
      const startsOn: string | null | undefined = getFieldValue('startsOn');
      return endsOn && startsOn && endsOn < startsOn ? Promise.reject(new Error(t('contracts.endsBeforeStart'))) : Promise.resolve();
    },
  });
