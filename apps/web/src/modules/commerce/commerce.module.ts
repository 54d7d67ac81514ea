// What the commerce module adds to the app: links to 价格表 and 价格试算 in the 商务 group of the side navigation,
// for users who may read products. Imported once by the app; registering is all it does.
import { registerNavLink } from '../../app/nav/navModel.ts';
import './quotes/quotes.module.ts';
import './contracts/contracts.module.ts';
import './orders/orders.module.ts';
import './receivables/receivables.module.ts';
import './approvals/approvals.module.ts';
import './settings/settings.module.ts';

registerNavLink({
  subsystem: 'commerce',
  path: '/commerce/prices',
  label: (t) => t('commerce.prices.link'),
  requires: 'product',
});
registerNavLink({
  subsystem: 'commerce',
  path: '/commerce/price-check',
  label: (t) => t('commerce.priceCheck.link'),
  requires: 'product',
});
