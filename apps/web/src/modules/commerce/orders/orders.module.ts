// What the orders part adds to the app: 订单进度 above an order's tabs, 订单明细 and 费用与利润 tabs, 订单 on the
// customer card, and links to 采购批次 and 订单类型 in the 商务 group. Imported once by commerce.module.ts.
import { registerNavLink } from '../../../app/nav/navModel.ts';
import { registerDetailExtension } from '../../records/pageExtensions.ts';
import { CustomerOrdersTab } from './CustomerOrdersTab.tsx';
import { OrderLinesTab } from './OrderLinesTab.tsx';
import { OrderProfitTab } from './OrderProfitTab.tsx';
import { OrderProgressPanel } from './OrderProgressPanel.tsx';

registerDetailExtension('order', {
  Panel: OrderProgressPanel,
  tabs: [
    { key: 'lines', label: (t) => t('commerce.orders.lines.tab'), first: true, Component: OrderLinesTab },
    { key: 'profit', label: (t) => t('commerce.orders.profit.tab'), Component: OrderProfitTab },
  ],
});
registerDetailExtension('customer', {
  tabs: [{ key: 'orders', label: (t) => t('commerce.orders.customer.tab'), Component: CustomerOrdersTab }],
});
registerNavLink({
  subsystem: 'commerce',
  path: '/commerce/purchase-batches',
  label: (t) => t('commerce.orders.batches.link'),
  requires: 'order',
});
registerNavLink({
  subsystem: 'commerce',
  path: '/commerce/order-types',
  label: (t) => t('commerce.orders.types.link'),
  requires: 'order',
});
