// What the receivables part adds to the app: 应收账款 in the 商务 group (for users who may read orders), the 执行计划 tab
// on an order's page and the 应收款 panel on a customer's card; imported once by commerce.module.ts.
import { registerNavLink } from '../../../app/nav/navModel.ts';
import { registerDetailExtension } from '../../records/pageExtensions.ts';
import { CustomerReceivablesPanel } from './CustomerReceivablesPanel.tsx';
import { ExecutionPlanTab } from './ExecutionPlanTab.tsx';

registerNavLink({
  subsystem: 'commerce',
  path: '/commerce/receivables',
  label: (t) => t('commerce.receivables.link'),
  requires: 'order',
});
registerDetailExtension('order', {
  tabs: [{ key: 'executionPlan', label: (t) => t('commerce.receivables.tab'), Component: ExecutionPlanTab }],
});
registerDetailExtension('customer', { Panel: CustomerReceivablesPanel });
