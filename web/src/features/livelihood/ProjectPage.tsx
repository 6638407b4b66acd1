// One project: milestones, monthly progress, inspections; the deputy's year-end evaluation form and the
// public satisfaction survey.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Image,
  Progress,
  Rate,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import type { ProjectItem } from './types';
import { ImplementationPanel } from './ImplementationPanel';
import { yuan } from './types';
import { answerLivelihoodSurvey, evaluateLivelihoodProject, livelihoodProgressPhotoUrl, paths } from './api';

interface ProjectDetail extends ProjectItem {
  leadUnitId: string;
  milestones: { id: string; title: string; targetDate: string; doneOn: string | null }[];
  reports: {
    id: string;
    month: string;
    percent: number;
    narrative: string;
    status: string;
    photoFileIds: string[];
  }[];
  inspections: {
    id: string;
    inspectedOn: string;
    findings: string;
    deputyCount: number;
    sentToUnit: boolean;
  }[];
  abilities: Record<string, boolean>;
}

const CRITERIA = [
  'goalAchieved',
  'quality',
  'timeliness',
  'useOfFunds',
  'publicBenefit',
  'publicSatisfaction',
  'sustainability',
  'handlingOfDeputyOpinions',
];

export default function ProjectPage() {
  const { id } = useParams();
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const { data: p, error, reload } = useResource<ProjectDetail>(paths.getPublicLivelihoodProject(id));
  const [done, setDone] = useState(false);
  const [answered, setAnswered] = useState(false);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!p) return null;
  const finished = p.status === 'completed' || p.status === 'accepted';
  const evaluate = async (scores: Record<string, number>) => {
    try {
      await evaluateLivelihoodProject(p.id, { scores });
      setDone(true);
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  const survey = async (satisfaction: string) => {
    try {
      await answerLivelihoodSurvey(p.id, { satisfaction });
      setAnswered(true);
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }}>
      <PageHeader title={p.title} sub={<Tag>{t(`projectStatus.${p.status}`)}</Tag>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'u', label: t('progress.leadUnit'), children: p.leadUnitName },
            { key: 'b', label: t('candidates.budget'), children: yuan(p.budget) },
            { key: 't', label: t('progress.target'), children: p.targetDate ?? '—' },
            ...(p.adjustmentReason
              ? [{ key: 'a', label: t('progress.adjustment'), children: p.adjustmentReason }]
              : []),
          ]}
        />
        <Progress percent={p.percent} />
      </Card>
      <ImplementationPanel p={p} reload={reload} />
      {p.milestones.length > 0 && (
        <Card size="small" title={t('progress.milestones')} style={{ marginBottom: 16 }}>
          <Steps
            direction="vertical"
            size="small"
            items={p.milestones.map((m) => ({
              title: m.title,
              description: m.doneOn ? `✓ ${m.doneOn}` : m.targetDate,
              status: m.doneOn ? 'finish' : 'wait',
            }))}
          />
        </Card>
      )}
      <Card size="small" title={t('progress.reports')} style={{ marginBottom: 16 }}>
        <Timeline
          items={p.reports
            .slice()
            .reverse()
            .map((r) => ({
              children: (
                <>
                  <span>
                    <b>{r.month}</b> · {r.percent}% · {r.narrative}
                  </span>
                  {r.photoFileIds.length > 0 && (
                    <Image.PreviewGroup>
                      <Space wrap size={4} style={{ display: 'flex', marginTop: 4 }}>
                        {r.photoFileIds.map((f) => (
                          <Image
                            key={f}
                            width={72}
                            height={72}
                            style={{ objectFit: 'cover' }}
                            src={livelihoodProgressPhotoUrl(p.id, f)}
                          />
                        ))}
                      </Space>
                    </Image.PreviewGroup>
                  )}
                </>
              ),
            }))}
        />
      </Card>
      {p.inspections.length > 0 && (
        <Card size="small" title={t('progress.inspections')} style={{ marginBottom: 16 }}>
          <Timeline
            items={p.inspections.map((i) => ({
              children: (
                <span>
                  <b>{i.inspectedOn}</b> · {i.findings}
                  {i.sentToUnit && (
                    <Tag color="blue" style={{ marginLeft: 8 }}>
                      {t('implementation.sentToUnit')}
                    </Tag>
                  )}
                </span>
              ),
            }))}
          />
        </Card>
      )}
      {finished && p.abilities.evaluate && (
        <Card size="small" title={t('evaluation.title')} style={{ marginBottom: 16 }}>
          {done ? (
            <Typography.Text type="success">{t('evaluation.done')}</Typography.Text>
          ) : (
            <Form layout="horizontal" onFinish={evaluate} labelCol={{ span: 10 }}>
              {CRITERIA.map((c) => (
                <Form.Item
                  key={c}
                  name={c}
                  label={t(`evaluation.criteria.${c}`)}
                  rules={[{ required: true }]}
                >
                  <Rate />
                </Form.Item>
              ))}
              <Button type="primary" htmlType="submit">
                {t('evaluation.submit')}
              </Button>
            </Form>
          )}
        </Card>
      )}
      {finished && (
        <Card size="small" title={t('progress.survey')}>
          {answered ? (
            <Typography.Text type="success">{t('progress.thanks')}</Typography.Text>
          ) : (
            <Space wrap>
              {(['satisfied', 'basicallySatisfied', 'dissatisfied'] as const).map((s) => (
                <Button key={s} onClick={() => survey(s)}>
                  {t(`satisfaction.${s}`)}
                </Button>
              ))}
            </Space>
          )}
        </Card>
      )}
    </div>
  );
}
