// One deputy: personal data masked, each value revealed on a deliberate "Show" (audited on the server, offered
// as the abilities allow), mandates with their workflow steps, liaison places and committee posts. Actions
// follow `abilities` and the domain's mandate transitions.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { nextMandateStatus } from '@minyi/domain/registry';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths, reinstateMandate, revealDeputyPersonalData } from './api';
import { STATUS_COLORS } from './DeputiesPage';
import { DeputyFormModal, MandateFormModal, MandateStatusModal } from './DeputyForm';
import type { DeputyRecord, Mandate } from './shared';

type PersonalField = 'phone' | 'idNumber' | 'address';
const REVEAL_ABILITY: Record<PersonalField, string> = {
  phone: 'revealPhone',
  idNumber: 'revealIdNumber',
  address: 'revealAddress',
};

/** A masked personal value with a "Show" that reveals it in clear (one audited request), and "Hide" again. */
function PersonalValue({
  deputyId,
  field,
  masked,
  canReveal,
}: {
  deputyId: string;
  field: PersonalField;
  masked: string | null;
  canReveal: boolean;
}) {
  const { t } = useTranslation('registry');
  const { message } = AntApp.useApp();
  const [clear, setClear] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (masked === null) return <>{t('common.none')}</>;
  const reveal = async () => {
    setLoading(true);
    try {
      const r = await revealDeputyPersonalData(deputyId, field);
      setClear(r.value ?? '');
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space size={4} wrap>
      <span className="mono" data-testid={`deputy-${field}`}>
        {clear ?? masked}
      </span>
      {canReveal &&
        (clear === null ? (
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={() => void reveal()}
            aria-label={t('deputies.revealLabel', { field: t(`deputies.${field}`) })}
            data-testid={`deputy-reveal-${field}`}
          >
            {t('deputies.reveal')}
          </Button>
        ) : (
          <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setClear(null)}>
            {t('deputies.hide')}
          </Button>
        ))}
    </Space>
  );
}

export default function DeputyPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('registry');
  const { message } = AntApp.useApp();
  const deputy = useResource<DeputyRecord>(paths.getDeputy(id));
  const [editing, setEditing] = useState(false);
  const [addingMandate, setAddingMandate] = useState(false);
  const [statusChange, setStatusChange] = useState<{ m: Mandate; action: 'suspend' | 'terminate' } | null>(
    null,
  );

  const d = deputy.data;
  const can = d?.abilities ?? {};
  const none = t('common.none');

  const reinstate = async (m: Mandate) => {
    try {
      await reinstateMandate(m.id);
      void message.success(t('common:actions.done'));
      deputy.reload();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };

  return (
    <div style={{ maxWidth: 1100 }}>
      <Link to="/registry/deputies">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('deputies.back')}
        </Button>
      </Link>
      <ErrorAlert error={deputy.error} onRetry={deputy.reload} />
      {!d ? (
        deputy.loading && <Spin />
      ) : (
        <>
          <PageHeader
            title={d.name}
            extra={
              can.edit && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deputy-edit">
                  {t('common:actions.edit')}
                </Button>
              )
            }
          />
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
              <Descriptions.Item label={t('deputies.gender')}>{t(`gender.${d.gender}`)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.birthDate')}>{d.birthDate ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.ethnicity')}>{d.ethnicity || none}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.party')}>{d.party || none}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.occupation')}>{d.occupation || none}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.phone')}>
                <PersonalValue
                  deputyId={d.id}
                  field="phone"
                  masked={d.phone}
                  canReveal={!!can[REVEAL_ABILITY.phone]}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('deputies.idNumber')}>
                <PersonalValue
                  deputyId={d.id}
                  field="idNumber"
                  masked={d.idNumber}
                  canReveal={!!can[REVEAL_ABILITY.idNumber]}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('deputies.organization')} span={2}>
                {d.organization || none}
              </Descriptions.Item>
              <Descriptions.Item label={t('deputies.address')} span={3}>
                <PersonalValue
                  deputyId={d.id}
                  field="address"
                  masked={d.address}
                  canReveal={!!can[REVEAL_ABILITY.address]}
                />
              </Descriptions.Item>
              {d.bio && (
                <Descriptions.Item label={t('deputies.bio')} span={3}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {d.bio}
                  </Typography.Paragraph>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: '0.85em' }}>
              {t('deputies.revealNote')}
            </Typography.Paragraph>
          </Card>

          <Card
            size="small"
            title={t('deputies.mandates')}
            style={{ marginBottom: 16 }}
            extra={
              can.edit && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingMandate(true)}>
                  {t('mandate.add')}
                </Button>
              )
            }
          >
            <Table<Mandate>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.mandates}
              scroll={{ x: 900 }}
              data-testid="mandates"
              columns={[
                {
                  title: t('mandate.level'),
                  dataIndex: 'level',
                  render: (l: string) => t(`level.${l}`, { defaultValue: l }),
                },
                {
                  title: t('mandate.term'),
                  dataIndex: 'termNumber',
                  render: (n: number | null) => (n ? t('mandate.termN', { number: n }) : none),
                },
                { title: t('mandate.street'), key: 'street', render: (_, m) => m.street?.name ?? none },
                {
                  title: t('mandate.electoralDistrict'),
                  key: 'ed',
                  render: (_, m) => m.electoralDistrict?.name ?? none,
                },
                {
                  title: t('mandate.liaisonPlace'),
                  key: 'lp',
                  render: (_, m) => m.liaisonPlace?.name ?? none,
                },
                {
                  title: t('mandate.delegation'),
                  key: 'group',
                  render: (_, m) => [m.delegation, m.deputyGroup].filter(Boolean).join(' / ') || none,
                },
                {
                  title: t('mandate.status'),
                  key: 'status',
                  render: (_, m) => (
                    <>
                      <Tag color={STATUS_COLORS[m.status]}>{t(`mandateStatus.${m.status}`)}</Tag>
                      {m.status !== 'active' && (
                        <div style={{ fontSize: '0.85em', color: '#595959' }}>
                          {m.statusDate && t('mandate.statusSince', { date: m.statusDate })} {m.statusReason}
                        </div>
                      )}
                    </>
                  ),
                },
                ...(can.changeStatus
                  ? [
                      {
                        title: t('common:actions.actions'),
                        key: 'actions',
                        render: (_: unknown, m: Mandate) => (
                          <Space size={0} wrap>
                            {nextMandateStatus(m.status, 'suspend') && (
                              <Button
                                size="small"
                                type="link"
                                onClick={() => setStatusChange({ m, action: 'suspend' })}
                              >
                                {t('mandate.suspend')}
                              </Button>
                            )}
                            {nextMandateStatus(m.status, 'reinstate') && (
                              <Popconfirm
                                title={t('mandate.reinstateConfirm')}
                                onConfirm={() => void reinstate(m)}
                              >
                                <Button size="small" type="link">
                                  {t('mandate.reinstate')}
                                </Button>
                              </Popconfirm>
                            )}
                            {nextMandateStatus(m.status, 'terminate') && (
                              <Button
                                size="small"
                                type="link"
                                danger
                                onClick={() => setStatusChange({ m, action: 'terminate' })}
                              >
                                {t('mandate.terminate')}
                              </Button>
                            )}
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>

          <div
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: 16 }}
          >
            <Card size="small" title={t('deputies.liaisonPlaces')}>
              {d.liaisonPlaces.length ? (
                <Space wrap>
                  {d.liaisonPlaces.map((p) => (
                    <Tag key={p.id}>
                      {t(`placeKind.${p.kind}`)} · {p.name}
                    </Tag>
                  ))}
                </Space>
              ) : (
                none
              )}
            </Card>
            <Card size="small" title={t('deputies.committees')}>
              {d.committees.length ? (
                <Space orientation="vertical" size={2}>
                  {d.committees.map((c) => (
                    <span key={c.id}>
                      {c.workingCommitteeName ?? t(`body.${c.body}`)} · {t(`position.${c.position}`)}
                      {c.endedOn && (
                        <Typography.Text type="secondary">
                          {' '}
                          ({c.startedOn ?? ''} – {c.endedOn})
                        </Typography.Text>
                      )}
                    </span>
                  ))}
                </Space>
              ) : (
                none
              )}
            </Card>
          </div>

          <DeputyFormModal
            open={editing}
            deputy={d}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              deputy.reload();
            }}
          />
          <MandateFormModal
            open={addingMandate}
            deputyId={d.id}
            onClose={() => setAddingMandate(false)}
            onSaved={() => {
              setAddingMandate(false);
              deputy.reload();
            }}
          />
          <MandateStatusModal
            mandate={statusChange?.m ?? null}
            action={statusChange?.action ?? null}
            onClose={() => setStatusChange(null)}
            onDone={() => {
              setStatusChange(null);
              deputy.reload();
            }}
          />
        </>
      )}
    </div>
  );
}
