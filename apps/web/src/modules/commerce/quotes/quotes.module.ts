// What the quotes part adds to the app: on a quote's page the status and actions above the tabs, and the tabs 报价明细
// (lines and totals, the editor), 修订历史 and 审批记录. The list, form and card come from the kit (/quotes); imported
// once by commerce.module.ts.
import { registerDetailExtension } from '../../records/pageExtensions.ts';
import { QuoteActionsPanel } from './QuoteActionsPanel.tsx';
import { QuoteApprovalsTab } from './QuoteApprovalsTab.tsx';
import { QuoteLinesTab } from './QuoteLinesTab.tsx';
import { QuoteRevisionsTab } from './QuoteRevisionsTab.tsx';

registerDetailExtension('quote', {
  Panel: QuoteActionsPanel,
  tabs: [
    { key: 'lines', label: (t) => t('commerce.quotes.lines.tab'), first: true, Component: QuoteLinesTab },
    { key: 'revisions', label: (t) => t('commerce.quotes.revisions.tab'), Component: QuoteRevisionsTab },
    { key: 'approvals', label: (t) => t('commerce.quotes.approvalsTab'), Component: QuoteApprovalsTab },
  ],
});
