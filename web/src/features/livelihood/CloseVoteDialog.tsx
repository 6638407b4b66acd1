// The close-vote warning: before staff close a vote, what closing now would mean under the vote's rules —
// turnout (ballots cast / signed in / roll), quorum, the votes a project needs, and how many projects could at
// most be chosen, or that none can and why — which staff confirm by ticking a box. Ballots are secret until
// close: the server forecasts from the number of ballots only, never from a running total per project.
import { useState } from 'react';
import { Alert, Checkbox, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CloseForecast } from '@minyi/domain/livelihood';

export function CloseVoteDialog({
  forecast,
  open,
  busy,
  onCancel,
  onConfirm,
}: {
  forecast: CloseForecast;
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('livelihood');
  const [understood, setUnderstood] = useState(false);
  const f = forecast;
  const notVoted = Math.max(0, f.signedIn - f.ballotsCast);
  const none = f.noneReason;
  return (
    <Modal
      open={open}
      title={t('closeWarning.title')}
      okText={t('console.close')}
      okButtonProps={{ danger: true, disabled: !understood, id: 'close-vote-confirm' }}
      confirmLoading={busy}
      onOk={onConfirm}
      onCancel={() => {
        setUnderstood(false);
        onCancel();
      }}
      destroyOnHidden
    >
      <div data-testid="close-warning">
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'turnout',
              label: t('closeWarning.turnout'),
              children: (
                <span data-testid="close-turnout">
                  {t('closeWarning.turnoutValue', {
                    cast: f.ballotsCast,
                    present: f.signedIn,
                    roll: f.rollSize,
                  })}
                </span>
              ),
            },
            {
              key: 'quorum',
              label: t('console.quorum'),
              children: t(f.quorum.reached ? 'closeWarning.quorumMet' : 'closeWarning.quorumNotMet', {
                needed: f.quorum.needed,
                present: f.signedIn,
              }),
            },
            {
              key: 'threshold',
              label: t('closeWarning.threshold'),
              children:
                f.threshold.rule === 'mostVotes'
                  ? t('results.mostVotes')
                  : t('results.threshold', {
                      base: t(f.threshold.base === 'roll' ? 'results.baseRoll' : 'results.basePresent'),
                      size: f.threshold.baseSize,
                      n: f.threshold.votesNeeded,
                    }),
            },
          ]}
        />
        {notVoted > 0 && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            {t('closeWarning.notVoted', { n: notVoted })}
          </Typography.Paragraph>
        )}
        <Alert
          style={{ marginTop: 12 }}
          type={none ? 'error' : 'info'}
          showIcon
          data-testid="close-outcome"
          title={
            none ? t('closeWarning.none') : t('closeWarning.most', { most: f.mostChosen, places: f.places })
          }
          description={
            none
              ? t(`closeWarning.why.${none}`, {
                  cast: f.ballotsCast,
                  present: f.signedIn,
                  needed: f.quorum.needed,
                  n: f.threshold.votesNeeded,
                })
              : t('closeWarning.exact')
          }
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
          {t('closeWarning.secret')}
        </Typography.Paragraph>
        <Checkbox
          checked={understood}
          onChange={(e) => setUnderstood(e.target.checked)}
          data-testid="close-understood"
        >
          {none ? t('closeWarning.confirmNone') : t('closeWarning.confirm')}
        </Checkbox>
      </div>
    </Modal>
  );
}
