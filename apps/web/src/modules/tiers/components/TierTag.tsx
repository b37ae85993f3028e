import { PushpinFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { tierName, useTiers } from '../tiers.api.ts';

/** A customer's tier as a tag in the tier's own colour (gold KA, purple VIP …), with a pin when set by hand to stay. */
export function TierTag({ tierId, pinned = false }: { tierId: string | null | undefined; pinned?: boolean }) {
  const { t, i18n } = useTranslation();
  const { byId } = useTiers();
  if (!tierId) return null;
  const tier = byId.get(tierId);
  const tag = (
    <Tag color={tier?.color} icon={pinned ? <PushpinFilled /> : undefined} data-testid="tier-tag">
      {tierName(tier, i18n.language)}
    </Tag>
  );
  return pinned ? <Tooltip title={t('tiers.pinnedHint')}>{tag}</Tooltip> : tag;
}
