// The two imports of a budget year: the draft's lines (.xlsx / .csv, sent as it is; the answer names each
// rejected row and why, the rest is imported) and one month's execution (.csv of code,amount read here and sent
// as rows; a refused row is named by its line in the file).
import { useState } from 'react';
import { Alert, Button, Input, Modal, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, localized, problemMessage } from '../../api';
import { importBudgetExecution, importBudgetLines } from './api';
import type { Rejection } from './types';

function RowReport({ rows }: { rows: Rejection[] }) {
  const { t } = useTranslation('budget');
  return (
    <Table<Rejection>
      size="small"
      rowKey={(r, i) => `${r.row}:${r.field}:${i}`}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      data-testid="import-rejections"
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 60 },
        { title: t('import.field'), dataIndex: 'field', width: 80 },
        { title: t('import.reason'), key: 'message', render: (_, r) => localized(r.message) },
      ]}
    />
  );
}

export function LinesImport({ budgetId, onDone }: { budgetId: string; onDone: () => void }) {
  const { t } = useTranslation('budget');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ imported: number; rejected: Rejection[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setResult(await importBudgetLines(budgetId, form));
      onDone();
    } catch (err) {
      setFailure(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-lines">
        {t('page.importLines')}
      </Button>
      <Modal
        open={open}
        title={t('import.linesTitle')}
        onCancel={() => setOpen(false)}
        footer={null}
        width={720}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('import.linesHint')}</Typography.Text>
          <Upload
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="choose-lines">
              {t('import.choose')}
            </Button>
          </Upload>
          {failure && <Alert type="error" showIcon title={failure} />}
          {result && (
            <Alert
              type={result.rejected.length ? 'warning' : 'success'}
              showIcon
              data-testid="import-result"
              title={
                <>
                  {t('import.imported', { count: result.imported })}
                  {result.rejected.length > 0 &&
                    `；${t('import.rejected', { count: result.rejected.length })}`}
                </>
              }
            />
          )}
          {result && result.rejected.length > 0 && <RowReport rows={result.rejected} />}
        </Space>
      </Modal>
    </>
  );
}

/** Rows of a code,amount CSV (header first); throws the 1-based line of the first unreadable row. */
function parseExecutionCsv(text: string): { code: string; amount: string }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: { code: string; amount: string }[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || !line.trim()) return;
    const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length < 2) throw new Error(String(i + 1));
    out.push({ code: cells[0], amount: cells[1] });
  });
  return out;
}

export function ExecutionImport({
  budgetId,
  year,
  onDone,
}: {
  budgetId: string;
  year: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('budget');
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(`${year}-01`);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [rejected, setRejected] = useState<Rejection[]>([]);

  const upload = async (file: File) => {
    setBusy(true);
    setDone(null);
    setFailure(null);
    setRejected([]);
    try {
      let rows: { code: string; amount: string }[];
      try {
        rows = parseExecutionCsv(await file.text());
      } catch (e) {
        setFailure(t('import.badFile', { row: (e as Error).message }));
        return;
      }
      const r = await importBudgetExecution(budgetId, { month, rows });
      setDone(t('import.executionDone', r));
      onDone();
    } catch (err) {
      const errors = err instanceof ApiError ? (err.problem.errors ?? []) : [];
      const byRow = errors
        .map((e) => ({ m: /^rows\.(\d+)\.(\w+)$/.exec(e.field ?? ''), e }))
        .filter((x) => x.m)
        .map(({ m, e }) => ({
          row: Number(m![1]) + 2,
          field: m![2],
          reason: e.code ?? 'invalid',
          message: e.message,
        }));
      if (byRow.length) setRejected(byRow);
      setFailure(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-execution">
        {t('page.importExecution')}
      </Button>
      <Modal
        open={open}
        title={t('import.executionTitle')}
        onCancel={() => setOpen(false)}
        footer={null}
        width={640}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('import.executionHint')}</Typography.Text>
          <label>
            {t('import.month')}{' '}
            <Input
              type="month"
              value={month}
              min={`${year}-01`}
              max={`${year}-12`}
              onChange={(e) => setMonth(e.target.value)}
              style={{ width: 180 }}
              data-testid="execution-month"
            />
          </label>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="choose-execution">
              {t('import.choose')}
            </Button>
          </Upload>
          {done && <Alert type="success" showIcon title={done} data-testid="execution-result" />}
          {failure && <Alert type="error" showIcon title={failure} />}
          {rejected.length > 0 && <RowReport rows={rejected} />}
        </Space>
      </Modal>
    </>
  );
}
