// A "QR code" button: the server draws the code of a liaison place or a deputy, which opens the public form
// prefilled with it; the modal shows it with a download link.
import { useState } from 'react';
import { Button, Modal, Select, Space, Typography } from 'antd';
import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { opinionFormQrCodeUrl } from './api';

export interface QrTarget {
  kind: 'place' | 'deputy';
  id: string;
  name: string;
}

const keyOf = (t: QrTarget) => `${t.kind}:${t.id}`;

export function QrButton({ targets, size }: { targets: QrTarget[]; size?: 'small' | 'middle' }) {
  const { t } = useTranslation('opinions');
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const target = targets.find((x) => keyOf(x) === picked) ?? targets[0];
  if (!target) return null;
  const src = opinionFormQrCodeUrl(
    target.kind === 'place' ? { liaisonPlaceId: target.id } : { deputyId: target.id },
  );
  const label = (x: QrTarget) => t('qr.target', { kind: t(`qr.${x.kind}`), name: x.name });
  return (
    <>
      <Button size={size} icon={<QrcodeOutlined />} onClick={() => setOpen(true)}>
        {t('qr.button')}
      </Button>
      <Modal open={open} title={t('qr.title')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }} align="center">
          {targets.length > 1 && (
            <Select
              aria-label={t('qr.pick')}
              style={{ width: 300, maxWidth: '100%' }}
              value={keyOf(target)}
              onChange={setPicked}
              showSearch={{ optionFilterProp: 'label' }}
              options={targets.map((x) => ({ value: keyOf(x), label: label(x) }))}
            />
          )}
          <img
            src={src}
            alt={label(target)}
            data-testid="opinion-qr"
            style={{ width: 240, maxWidth: '100%', aspectRatio: '1 / 1' }}
          />
          <Typography.Text type="secondary">{t('qr.hint', { name: label(target) })}</Typography.Text>
          <Button type="primary" icon={<DownloadOutlined />} href={src} download={`${target.name}.svg`}>
            {t('qr.download')}
          </Button>
        </Space>
      </Modal>
    </>
  );
}
