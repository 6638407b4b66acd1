// Pieces shared by the registry screens: types, street and deputy pickers, Excel import/export.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, localized, problemMessage, type Abilities, type LocalizedText } from '../../api';
import { useAuth } from '../../auth';
import { useResource } from '../../shell/components';
import { paths, searchDeputies } from './api';

export interface Ref {
  id: string;
  name: string;
}

export interface Jurisdiction {
  id: string;
  name: string;
  nameEn?: string;
  level: 'province' | 'city' | 'district' | 'street' | 'community';
  parentId: string | null;
  code?: string;
}

export interface Mandate {
  id: string;
  congressId: string;
  level: string;
  termId: string | null;
  termNumber: number | null;
  delegation: string;
  deputyGroup: string;
  electoralDistrict: Ref | null;
  street: Ref | null;
  liaisonPlace: Ref | null;
  status: 'active' | 'suspended' | 'terminated';
  statusReason: string;
  statusDate: string | null;
  startedOn: string | null;
}

export interface DeputyRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  party: string;
  occupation: string;
  organization: string;
  phone: string | null;
  mandates: Mandate[];
}

export interface DeputyRecord extends DeputyRow {
  birthDate: string | null;
  ethnicity: string;
  idNumber: string | null;
  address: string | null;
  bio: string;
  liaisonPlaces: (Ref & { kind: string })[];
  committees: {
    id: string;
    body: string;
    workingCommitteeId: string | null;
    workingCommitteeName: string | null;
    position: string;
    startedOn: string | null;
    endedOn: string | null;
  }[];
  abilities: Abilities;
}

export interface Term {
  id: string;
  number: number;
  startDate: string;
  endDate: string;
  isCurrent: boolean;
}

/** Only congress staff keep the registry; leaders and liaison staff read it (server policy, REGISTRY_WRITERS). */
export function useCanWriteRegistry(): boolean {
  const { hasRole } = useAuth();
  return hasRole('congressStaff');
}

/** Streets of the congress (GET /jurisdictions?level=street), with a name lookup. */
export function useStreets() {
  const { i18n } = useTranslation();
  const r = useResource<{ items: Jurisdiction[] }>(paths.findStreets());
  return useMemo(() => {
    const items = r.data?.items ?? [];
    const label = (s: Jurisdiction) => (i18n.language === 'en' && s.nameEn ? s.nameEn : s.name);
    const byId = new Map(items.map((s) => [s.id, s]));
    return {
      items,
      options: items.map((s) => ({ value: s.id, label: label(s) })),
      nameOf: (id: string | null | undefined) => {
        const s = id ? byId.get(id) : undefined;
        return s ? label(s) : '';
      },
    };
  }, [r.data, i18n.language]);
}

export function useTerms() {
  return useResource<{ items: Term[] }>(paths.findTerms());
}

/** A deputy picker searching GET /deputies?q= as the user types. */
export function DeputySelect({
  value,
  onChange,
  mode,
  initial = [],
  style,
}: {
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  mode?: 'multiple';
  initial?: Ref[];
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation('registry');
  const [options, setOptions] = useState<Ref[]>(initial);
  const [loading, setLoading] = useState(false);
  const known = useRef(new Map<string, Ref>(initial.map((r) => [r.id, r])));
  const timer = useRef<number | undefined>(undefined);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      setLoading(true);
      searchDeputies(q)
        .then((r) => {
          r.items.forEach((d) => known.current.set(d.id, { id: d.id, name: d.name }));
          const selected = (Array.isArray(value) ? value : value ? [value] : [])
            .map((id) => known.current.get(id))
            .filter((x): x is Ref => !!x);
          const merged = new Map([...selected, ...r.items].map((d) => [d.id, { id: d.id, name: d.name }]));
          setOptions([...merged.values()]);
        })
        .catch(() => undefined)
        .finally(() => setLoading(false));
    }, 250);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <Select
      mode={mode}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      onFocus={() => options.length <= initial.length && search('')}
      loading={loading}
      placeholder={t('common.searchDeputy')}
      options={options.map((d) => ({ value: d.id, label: d.name }))}
      style={{ width: '100%', ...style }}
      allowClear
    />
  );
}

interface ImportRowError {
  row: number;
  field: string;
  message: LocalizedText;
}

/** Excel import: upload an .xlsx; on refusal, the per-row report in a table (nothing was imported). */
export function ImportButton({
  importFile,
  title,
  okKey,
  onDone,
}: {
  /** The feature's import call (e.g. importDeputies from ./api). */
  importFile: (form: FormData) => Promise<{ created: number }>;
  title: string;
  okKey: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('registry');
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ImportRowError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setErrors(null);
    setFailure(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const r = await importFile(form);
      void message.success(t(okKey, { count: r.created }));
      setOpen(false);
      onDone();
    } catch (err) {
      const rows = err instanceof ApiError ? (err.problem.errors as ImportRowError[] | undefined) : undefined;
      if (rows?.length && rows.some((e) => typeof e.row === 'number')) setErrors(rows);
      else setFailure(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('deputies.import')}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        footer={null}
        width={720}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('deputies.importHint')}</Typography.Text>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy}>
              {t('deputies.chooseFile')}
            </Button>
          </Upload>
          {failure && <Alert type="error" showIcon title={failure} />}
          {errors && (
            <>
              <Alert type="error" showIcon title={t('deputies.importErrors', { count: errors.length })} />
              <Table<ImportRowError>
                size="small"
                rowKey={(e, i) => `${e.row}:${e.field}:${i}`}
                dataSource={errors}
                pagination={errors.length > 20 ? { pageSize: 20 } : false}
                data-testid="import-errors"
                columns={[
                  { title: t('deputies.row'), dataIndex: 'row', width: 70 },
                  { title: t('deputies.field'), dataIndex: 'field', width: 160 },
                  {
                    title: t('deputies.message'),
                    dataIndex: 'message',
                    render: (m: LocalizedText) => localized(m),
                  },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}

export function DownloadButton({
  fetchFile,
  label,
}: {
  /** The feature's download call (e.g. exportDeputies from ./api). */
  fetchFile: () => Promise<void>;
  label: string;
}) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        fetchFile()
          .catch((err) => void message.error(problemMessage(err)))
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}

/** Drops empty strings so optional fields are left out rather than sent as ''. */
export function compact<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== '' && v !== null),
  ) as Partial<T>;
}
