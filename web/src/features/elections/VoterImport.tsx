// The voter register's import (.xlsx or .csv) with its row-level report: the rows registered, and each row
// refused with its reason, for the staff to fix and import again.
import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { localized, problemMessage } from '../../api';
import { importVoters } from './api';
import type { ImportReport } from './types';

export function VoterImport({
  electionId,
  voters,
  canImport,
  onDone,
}: {
  electionId: string;
  voters: number;
  canImport: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation('elections');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setReport(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setReport(await importVoters(electionId, form));
      onDone();
    } catch (err) {
      setFailure(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('voters.title')} style={{ marginBottom: 16 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('election.voters')}: <strong data-testid="voter-count">{voters}</strong>
        </Typography.Text>
        {canImport && (
          <>
            <Typography.Text type="secondary">{t('voters.hint')}</Typography.Text>
            <Upload
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy} data-testid="import-voters">
                {t('voters.import')}
              </Button>
            </Upload>
          </>
        )}
        {failure && <Alert type="error" showIcon title={failure} />}
        {report && (
          <>
            <Alert type="success" showIcon title={t('voters.imported', { count: report.imported })} />
            {report.rejected.length > 0 && (
              <>
                <Alert
                  type="warning"
                  showIcon
                  title={t('voters.rejected', { count: report.rejected.length })}
                />
                <Table
                  size="small"
                  rowKey={(r) => `${r.row}:${r.reason}`}
                  dataSource={report.rejected}
                  pagination={report.rejected.length > 20 ? { pageSize: 20 } : false}
                  data-testid="import-report"
                  columns={[
                    { title: t('voters.row'), dataIndex: 'row', width: 70 },
                    {
                      title: t('voters.reason'),
                      key: 'reason',
                      render: (_, r) => localized(r.message),
                    },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
