// 客户团队 on the customer card: the records module's team panel (owner as account manager, record shares as
// members) in the customer's words.
import type { DetailProps } from '../records/pageExtensions.ts';
import { RecordTeamPanel, type TeamLabels } from '../records/RecordTeamPanel.tsx';
import type { TFunction } from 'i18next';

const labels = (t: TFunction): TeamLabels => ({
  title: t('customers.team.title'),
  added: t('customers.team.added'),
  removeTitle: (name) => t('customers.team.removeTitle', { name }),
});

export function TeamPanel(props: DetailProps) {
  return <RecordTeamPanel {...props} labels={labels} />;
}
