import type { TDeal } from '@tierline/contracts';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format.ts';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useWonDealSearch } from '../contracts.api.ts';

interface WonDealSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null, deal: TDeal | null) => void;
  placeholder?: string;
}

/** Picks a won deal by typing part of its name; the server searches. A form control for Form.Item. */
export function WonDealSelect({ id, value, onChange, placeholder }: WonDealSelectProps) {
  const { i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const search = useWonDealSearch(useDebouncedValue(typed));
  const deals = search.data?.data ?? [];
  // Keep the chosen deal's label while the search shows other deals.
  const [chosen, setChosen] = useState<TDeal | null>(null);
  const byId = new Map(deals.map((d) => [d.id, d]));
  if (chosen) byId.set(chosen.id, chosen);

  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      onChange={(next) => {
        const deal = next ? (byId.get(next) ?? null) : null;
        setChosen(deal);
        onChange?.(next ?? null, deal);
      }}
      placeholder={placeholder}
      loading={search.isFetching}
      options={[...byId.values()].map((d) => ({
        value: d.id,
        label: d.amount ? `${d.name} · ${formatMoney(d.amount, d.currency, i18n.language)}` : d.name,
      }))}
    />
  );
}
