// A suggestion's handling history as a timeline (issue 23 point 4): each step with its time, what was done, who
// did it (name, role, unit) and what they decided or said, oldest first, for the deputy and the staff alike.
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fmtDateTime, type HistoryEntry } from './types';

/** The timeline dot's colour: green for progress, orange for a step back, red for a refusal or dissatisfaction. */
function colorOf(e: HistoryEntry): string {
  switch (e.action) {
    case 'returned':
    case 'handBackRequested':
    case 'rehandlingReferred':
    case 'rehandling':
      return 'orange';
    case 'withdrawn':
    case 'cosignDeclined':
      return 'gray';
    case 'closed':
    case 'solvedReported':
    case 'published':
      return 'green';
    case 'rated':
      return e.detail.rating === 'dissatisfied' ? 'red' : 'green';
    case 'extensionDecided':
      return e.detail.decision === 'refused' ? 'red' : 'blue';
    default:
      return 'blue';
  }
}

export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation(['suggestions', 'common']);
  if (!history.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;

  const describe = (e: HistoryEntry): string[] => {
    const d = e.detail;
    const out: string[] = [];
    if (d.leadUnit) out.push(t('history.leadUnit', { unit: d.leadUnit }));
    if (d.assistingUnits) out.push(t('history.assistingUnits', { units: d.assistingUnits }));
    if (d.leader) out.push(t('history.leader', { name: d.leader }));
    if (e.action === 'replied')
      out.push(t('history.replyCategory', { round: d.round, category: d.category }));
    if (e.action === 'rated' && d.rating) out.push(t(`rating.${d.rating}`));
    if (typeof d.decision === 'string')
      out.push(t(`history.decision.${d.decision}`, { defaultValue: d.decision }));
    if (d.unit && e.action !== 'replied') out.push(String(d.unit));
    if (e.action === 'contacted' && d.method)
      out.push(`${t(`method.${d.method}`)}${d.contactedOn ? ` ${d.contactedOn}` : ''}`);
    if (e.action === 'supervised' && d.kind) out.push(t(`supervisionKind.${d.kind}`));
    if (d.caseTitle) out.push(String(d.caseTitle));
    if (d.comment) out.push(String(d.comment));
    return out;
  };
  const who = (e: HistoryEntry) => {
    const role = t(`common:roles.${e.actor.role}`, { defaultValue: e.actor.role });
    // A unit account's name often carries its unit already ("区交通运输局 陈建华"): the unit once.
    const place = e.actor.unit ?? role;
    const parts = [e.actor.name, e.actor.name?.includes(place) ? null : place].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('history.unknownActor');
  };

  return (
    <Timeline
      data-testid="history-timeline"
      items={history.map((e, i) => ({
        key: `${e.at}-${e.action}-${i}`,
        color: colorOf(e),
        children: (
          <div data-testid={`history-${e.action}`} style={{ overflowWrap: 'anywhere' }}>
            <Typography.Text strong>
              {t(`history.actions.${e.action}`, { defaultValue: e.action })}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              <time dateTime={e.at}>{fmtDateTime(e.at)}</time> · {who(e)}
            </Typography.Text>
            {describe(e).map((line, j) => (
              <div key={j} style={{ whiteSpace: 'pre-wrap' }}>
                {line}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
