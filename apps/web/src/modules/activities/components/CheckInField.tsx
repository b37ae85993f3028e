import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.ts';
import type { GeoFix } from '../activityRequest.ts';

type Problem = 'denied' | 'failed' | 'unsupported';
const PROBLEM_KEYS = { denied: 'locateDenied', failed: 'locateFailed', unsupported: 'locateUnsupported' } as const;

interface CheckInFieldProps {
  geo: GeoFix | null;
  onGeo: (geo: GeoFix | null) => void;
}

/**
 * A visit's check-in (签到): the place as typed, and, when the rep asks for it, the phone's position. Asking
 * is optional and only on a click: a browser prompt on opening the form would be a surprise.
 */
export function CheckInField({ geo, onGeo }: CheckInFieldProps) {
  const { t, i18n } = useTranslation();
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem('unsupported');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating(false);
        onGeo({ latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy });
      },
      (error) => {
        setLocating(false);
        setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed');
      },
      // A fix from the last minute is as good as a new one, and quicker indoors.
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const coordinate = (value: number) => formatNumber(value, i18n.language, 6);
  return (
    <Form.Item label={t('activities.form.location')} extra={t('activities.form.checkInHint')} style={{ marginBottom: 16 }}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="location" noStyle>
          <Input maxLength={500} placeholder={t('activities.form.locationPlaceholder')} aria-label={t('activities.form.location')} />
        </Form.Item>
        <Button icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="locate">
          {t('activities.form.locate')}
        </Button>
      </Space.Compact>
      {geo && (
        <Typography.Text type="success" style={{ display: 'block', marginTop: 4 }} data-testid="geo-fix">
          {t('activities.form.located', {
            lat: coordinate(geo.latitude),
            lng: coordinate(geo.longitude),
            accuracy: Math.round(geo.accuracy ?? 0),
          })}{' '}
          <Button
            type="link"
            size="small"
            icon={<CloseOutlined />}
            onClick={() => onGeo(null)}
            aria-label={t('activities.form.clearLocation')}
          />
        </Typography.Text>
      )}
      {problem && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }}>
          {t(`activities.form.${PROBLEM_KEYS[problem]}`)}
        </Typography.Text>
      )}
    </Form.Item>
  );
}
