// 商机团队 on an opportunity's page: the records module's team panel — the owner as account manager leading it,
// colleagues added as members through the record shares — in the opportunity's words.
import type { TFunction } from 'i18next';
import type { DetailProps } from '../records/pageExtensions.ts';
import { RecordTeamPanel, type TeamLabels } from '../records/RecordTeamPanel.tsx';

const labels = (t: TFunction): TeamLabels => ({
  title: t('sales.team.title'),
  added: t('sales.team.added'),
  removeTitle: (name) => t('sales.team.removeTitle', { name }),
});

export function OpportunityTeamPanel(props: DetailProps) {
  return <RecordTeamPanel {...props} labels={labels} />;
}
