// The orders part of the commerce module: the order record type, its timeline source and field changes, the routes
// of lines, stages, order types, batches, expenses and profit, the reopen right and the demo orders.
import { registerPermissionSubject } from '../../../platform/access/permissionSubjects.ts';
import type { ServerPart } from '../commerce.parts.ts';
import { REOPEN_SUBJECT } from './orders.access.ts';
import { seedDemoOrders } from './orders.demo.ts';
import { orderEntity } from './orders.entities.ts';
import { registerOrderRoutes } from './orders.routes.ts';
import { ordersTimelineSource } from './orders.timeline.ts';
import './orders.approval.ts';
import './orders.messages.ts';

registerPermissionSubject(REOPEN_SUBJECT, { 'zh-CN': '订单阶段退回', 'zh-TW': '訂單階段退回', en: 'Reopen order stages' });

export const ordersPart: ServerPart = {
  entities: [orderEntity],
  timelineSources: [ordersTimelineSource],
  timelineFieldChanges: ['order'],
  registerRoutes: registerOrderRoutes,
  seedDemo: seedDemoOrders,
};
