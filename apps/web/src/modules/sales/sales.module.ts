// What the sales module adds to the generic record pages: lead conversion on a lead's page, 商机团队, 产品明细 and
// 阶段历程 on an opportunity's. Its own pages (board, planning, administration) are routes in sales.routes.tsx, with links
// in the side navigation.
// Imported once by the app; registering is all it does.
import { registerDetailExtension } from '../records/pageExtensions.ts';
import { registerNavLink } from '../../app/nav/navModel.ts';
import { ConvertLeadAction } from './ConvertLeadAction.tsx';
import { OpportunityLinesTab } from './OpportunityLinesTab.tsx';
import { OpportunityTeamPanel } from './OpportunityTeamPanel.tsx';
import { OpportunityStagesTab } from './OpportunityStagesTab.tsx';

registerDetailExtension('lead', { Panel: ConvertLeadAction });
registerDetailExtension('opportunity', {
  Panel: OpportunityTeamPanel,
  tabs: [
    { key: 'lines', label: (t) => t('sales.lines.tab'), Component: OpportunityLinesTab },
    { key: 'stages', label: (t) => t('sales.stages.tab'), Component: OpportunityStagesTab },
  ],
});
registerNavLink({
  subsystem: 'sales',
  path: '/opportunities/board',
  label: (t) => t('sales.board.link'),
  requires: 'opportunity',
});
// The planning pages: the server scopes their figures to what the user may see.
for (const page of ['plan', 'forecast', 'scorecards', 'dashboard'] as const)
  registerNavLink({
    subsystem: 'sales',
    path: `/sales/${page}`,
    label: (t) => t(`sales.planning.${page}.link`),
    requires: 'opportunity',
  });
