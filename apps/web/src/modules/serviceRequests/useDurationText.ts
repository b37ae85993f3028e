import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { durationParts } from './sla.ts';

/** Minutes as "3小时20分钟" / "3 h 20 min" in the UI language. */
export function useDurationText(): (minutes: number) => string {
  const { t, i18n } = useTranslation();
  // Chinese units run together; English ones need a space between them.
  const separator = i18n.language.startsWith('zh') ? '' : ' ';
  return useCallback(
    (minutes: number) =>
      durationParts(minutes)
        .map(({ unit, count }) => t(`service.units.${unit}`, { count }))
        .join(separator),
    [t, separator],
  );
}
