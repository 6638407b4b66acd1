// The roll of deputies: search and filters, Excel import (with the per-row report) and export, create.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CONGRESS_LEVELS, MANDATE_STATUSES } from '@minyi/domain/registry';
import { usePagedList } from '../../shell/components';
import { exportDeputies, getDeputyImportTemplate, importDeputies, paths } from './api';
import { FilterSearch, FilterSelect, ListPage } from '../../shell/ListPage';
import { DeputyFormModal } from './DeputyForm';
import {
  DownloadButton,
  ImportButton,
  useCanWriteRegistry,
  useStreets,
  type DeputyRow,
  type Mandate,
} from './shared';

export const STATUS_COLORS: Record<Mandate['status'], string> = {
  active: 'green',
  suspended: 'orange',
  terminated: 'default',
};

export function MandateTags({ mandates }: { mandates: Mandate[] }) {
  const { t } = useTranslation('registry');
  return (
    <Space size={[2, 4]} wrap>
      {mandates.map((m) => (
        <Tag key={m.id} color={STATUS_COLORS[m.status]}>
          {t(`level.${m.level}`, { defaultValue: m.level })}
          {m.status !== 'active' ? ` · ${t(`mandateStatus.${m.status}`)}` : ''}
        </Tag>
      ))}
    </Space>
  );
}

export default function DeputiesPage() {
  const { t } = useTranslation('registry');
  const navigate = useNavigate();
  const canWrite = useCanWriteRegistry();
  const streets = useStreets();
  const [q, setQ] = useState('');
  const [streetId, setStreetId] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const list = usePagedList<DeputyRow>(
    paths.findDeputies(),
    { q: q || undefined, streetId, level, status },
    50,
  );

  return (
    <ListPage<DeputyRow>
      title={t('deputies.title')}
      extra={
        <>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="deputy-create"
            >
              {t('deputies.create')}
            </Button>
          )}
          {canWrite && (
            <ImportButton
              importFile={importDeputies}
              title={t('deputies.importTitle')}
              okKey="deputies.importOk"
              onDone={list.reload}
            />
          )}
          {canWrite && <DownloadButton fetchFile={getDeputyImportTemplate} label={t('deputies.template')} />}
          <DownloadButton fetchFile={exportDeputies} label={t('deputies.export')} />
        </>
      }
      filters={
        <>
          <FilterSearch label={t('deputies.search')} onSearch={setQ} style={{ maxWidth: 320 }} />
          <FilterSelect
            showSearch={{ optionFilterProp: 'label' }}
            label={t('deputies.street')}
            value={streetId}
            onChange={setStreetId}
            options={streets.options}
          />
          <FilterSelect
            label={t('deputies.level')}
            value={level}
            onChange={setLevel}
            options={CONGRESS_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
          <FilterSelect
            label={t('deputies.status')}
            value={status}
            onChange={setStatus}
            options={MANDATE_STATUSES.map((s) => ({ value: s, label: t(`mandateStatus.${s}`) }))}
          />
        </>
      }
      list={list}
      scroll={{ x: 900 }}
      onRow={(r) => ({
        onClick: () => navigate(`/registry/deputies/${r.id}`),
        style: { cursor: 'pointer' },
      })}
      columns={[
        {
          title: t('deputies.name'),
          dataIndex: 'name',
          fixed: 'left',
          width: 110,
          render: (v: string, r) => <Link to={`/registry/deputies/${r.id}`}>{v}</Link>,
        },
        {
          title: t('deputies.gender'),
          dataIndex: 'gender',
          width: 70,
          render: (g: string) => t(`gender.${g}`),
        },
        { title: t('deputies.party'), dataIndex: 'party', width: 110 },
        {
          title: t('deputies.organization'),
          dataIndex: 'organization',
          render: (v: string, r) => (
            <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>
              {v || r.occupation}
            </Typography.Text>
          ),
        },
        {
          title: t('deputies.phone'),
          dataIndex: 'phone',
          width: 130,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('mandate.street'),
          key: 'street',
          width: 120,
          render: (_, r) => {
            const s = r.mandates.find((m) => m.street)?.street;
            return s ? streets.nameOf(s.id) || s.name : '—';
          },
        },
        {
          title: t('deputies.mandates'),
          key: 'mandates',
          render: (_, r) => <MandateTags mandates={r.mandates} />,
        },
      ]}
    >
      <DeputyFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(d) => {
          setCreating(false);
          void navigate(`/registry/deputies/${d.id}`);
        }}
      />
    </ListPage>
  );
}
