import { Flex, theme } from 'antd';
import { useTranslation } from 'react-i18next';

/** The three stacked bars of the mark stand for the three ladders: tiers, processes, levels. */
function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#1f5fbf" />
      <rect x="7" y="20" width="18" height="4" rx="1" fill="#fff" />
      <rect x="10" y="14" width="12" height="4" rx="1" fill="#fff" opacity=".85" />
      <rect x="13" y="8" width="6" height="4" rx="1" fill="#fff" opacity=".7" />
    </svg>
  );
}

/** The app name with its mark; `inverted` for dark backgrounds. */
export function Logo({ size = 28, inverted = false, showName = true }: { size?: number; inverted?: boolean; showName?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // A styled span, not Typography.Text: the logo is on the sign-in page, and Typography would load with it only for this.
  return (
    <Flex align="center" gap={10}>
      <Mark size={size} />
      {showName && (
        <span
          style={{
            fontSize: size * 0.64,
            fontWeight: token.fontWeightStrong,
            color: inverted ? '#fff' : token.colorText,
            whiteSpace: 'nowrap',
          }}
        >
          {t('app.name')}
        </span>
      )}
    </Flex>
  );
}
