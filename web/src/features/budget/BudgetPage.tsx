// One budget year: its statutory dates (the Art. 44 draft deadline, the Art. 14 publication deadline), totals and
// execution to date, then the drill-down with the execution curve, the warnings, the investment list and the
// inquiries; staff import the draft and the monthly execution here.
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Form, Input, Row, Space, Statistic, Tabs, Tag } from 'antd';
import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { FormModal } from '../../shell/FormModal';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { formatDate } from '../../shell/datetime';
import ExecutionTab from './ExecutionTab';
import WarningsTab from './WarningsTab';
import InvestmentTab from './InvestmentTab';
import ConsultationTab from './ConsultationTab';
import ReviewTab from './ReviewTab';
import ChangesTab from './ChangesTab';
import FinalAccountsTab from './FinalAccountsTab';
import { InquiryList } from './InquiriesPage';
import { ExecutionImport, LinesImport } from './ImportDialogs';
import { paths, updateBudgetDates } from './api';
import { BUDGET_KINDS, MONEY_STYLE, yuan, type Budget } from './types';

interface Dates {
  draftSubmittedOn: string;
  approvedOn: string;
  publishedOn: string;
}

export default function BudgetPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('budget');
  const { hasRole } = useAuth();
  const budget = useResource<Budget>(paths.getBudget(id));
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState('execution');
  const [editingDates, setEditingDates] = useState(false);
  const [form] = Form.useForm<Dates>();
  const b = budget.data;
  const changed = () => {
    setVersion((v) => v + 1);
    budget.reload();
  };
  const en = i18n.language.startsWith('en');

  return (
    <>
      <PageHeader
        title={b ? t('page.title', { year: b.year }) : ''}
        extra={
          b && (
            <Space wrap>
              {b.abilities.updateDates && (
                <Button
                  icon={<CalendarOutlined />}
                  onClick={() => setEditingDates(true)}
                  data-testid="budget-dates"
                >
                  {t('page.dates')}
                </Button>
              )}
              {hasRole('deputy', 'congressStaff', 'leader') && (
                <Link to={`/budgets/${b.id}/area`}>
                  <Button icon={<EnvironmentOutlined />} data-testid="budget-area">
                    {t('area.button')}
                  </Button>
                </Link>
              )}
              {b.abilities.importLines && <LinesImport budgetId={b.id} onDone={changed} />}
              {b.abilities.importExecution && (
                <ExecutionImport budgetId={b.id} year={b.year} onDone={changed} />
              )}
            </Space>
          )
        }
      />
      <ErrorAlert error={budget.error} onRetry={budget.reload} />
      {b && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={8}>
                <Statistic
                  title={t('page.total')}
                  value={yuan(b.total)}
                  prefix="¥"
                  styles={{ content: MONEY_STYLE }}
                />
              </Col>
              <Col xs={12} md={8}>
                <Statistic
                  title={t('page.executed')}
                  value={yuan(b.executed)}
                  prefix="¥"
                  styles={{ content: MONEY_STYLE }}
                />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('page.rate')} value={`${b.rate}%`} styles={{ content: MONEY_STYLE }} />
                <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                  {b.lastMonth ? t('page.lastMonth', { month: b.lastMonth }) : t('page.noData')}
                </span>
              </Col>
            </Row>
            <Descriptions size="small" style={{ marginTop: 12 }} column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('page.sitting')}>{formatDate(b.sittingDate)}</Descriptions.Item>
              <Descriptions.Item label={t('page.draftDeadline')}>
                {formatDate(b.draftDeadline)}
                {b.draftLate === true && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    {t('list.draftLate')}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('page.draftSubmitted')}>
                {formatDate(b.draftSubmittedOn) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('page.approvedOn')}>
                {formatDate(b.approvedOn) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('page.publicationDeadline')}>
                {formatDate(b.publicationDeadline) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('page.publishedOn')}>
                {formatDate(b.publishedOn) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('page.financeUnit')}>
                {b.financeUnit
                  ? en && b.financeUnit.nameEn
                    ? b.financeUnit.nameEn
                    : b.financeUnit.name
                  : '—'}
              </Descriptions.Item>
              {BUDGET_KINDS.map((k) => (
                <Descriptions.Item key={k} label={t(`kind.${k}`)}>
                  ¥{yuan(b.totals[k])}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          <FormModal<Dates, unknown>
            form={form}
            open={editingDates}
            title={t('page.dates')}
            values={{
              draftSubmittedOn: b.draftSubmittedOn ?? '',
              approvedOn: b.approvedOn ?? '',
              publishedOn: b.publishedOn ?? '',
            }}
            save={(v) =>
              updateBudgetDates(b.id, {
                draftSubmittedOn: v.draftSubmittedOn || null,
                approvedOn: v.approvedOn || null,
                publishedOn: v.publishedOn || null,
              })
            }
            onSaved={() => {
              setEditingDates(false);
              changed();
            }}
            onClose={() => setEditingDates(false)}
          >
            <Form.Item name="draftSubmittedOn" label={t('page.draftSubmitted')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="approvedOn" label={t('page.approvedOn')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="publishedOn" label={t('page.publishedOn')}>
              <Input type="date" />
            </Form.Item>
          </FormModal>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            destroyOnHidden
            items={[
              {
                key: 'execution',
                label: t('page.tabExecution'),
                children: <ExecutionTab key={version} budgetId={b.id} />,
              },
              {
                key: 'warnings',
                label: t('page.tabWarnings'),
                children: <WarningsTab key={version} budgetId={b.id} onInquiry={() => setTab('inquiries')} />,
              },
              {
                key: 'investment',
                label: t('page.tabInvestment'),
                children: (
                  <InvestmentTab
                    budgetId={b.id}
                    canAdd={!!b.abilities.addInvestmentProject}
                    canRelease={!!b.abilities.releaseInvestmentProject}
                  />
                ),
              },
              {
                key: 'consultation',
                label: t('page.tabConsultation'),
                children: (
                  <ConsultationTab budgetId={b.id} canCreate={!!b.abilities.createConsultationRound} />
                ),
              },
              { key: 'review', label: t('page.tabReview'), children: <ReviewTab budgetId={b.id} /> },
              {
                key: 'changes',
                label: t('page.tabChanges'),
                children: <ChangesTab budgetId={b.id} abilities={b.abilities} />,
              },
              { key: 'final', label: t('page.tabFinal'), children: <FinalAccountsTab budgetId={b.id} /> },
              ...(hasRole('congressStaff', 'leader', 'handlingUnitStaff')
                ? [
                    {
                      key: 'inquiries',
                      label: t('page.tabInquiries'),
                      children: <InquiryList budgetId={b.id} />,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </>
  );
}
