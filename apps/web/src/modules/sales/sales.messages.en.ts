// English strings of the sales pages; same keys as sales.messages.zh-CN.ts.
import { planningEn } from './planning/planning.messages.en.ts';
import { salesAdminEn } from './admin/salesAdmin.messages.en.ts';
import type { Messages } from '../../app/i18n/zh-CN.ts';

export const salesEn: Messages['sales'] = {
  board: {
    title: 'Opportunity board',
    link: 'Opportunity board',
    pipeline: 'Pipeline',
    orgUnit: 'Org unit',
    mine: 'Mine only',
    count: '{{count}}',
    sum: 'Total {{amount}}',
    weighted: 'Weighted {{amount}}',
    empty: 'No opportunities',
    more: 'Load more',
    moveTo: 'Move to…',
    moveMenu: 'Move to… ({{name}})',
    moved: 'Moved to “{{stage}}”',
    refused: 'Could not move: {{reason}}',
    lossTitle: '“{{name}}” lost',
    lossReason: 'Loss reason',
    lossReasonRequired: 'Choose a loss reason',
    closes: 'Closes {{date}}',
    columnLabel: '{{stage}}: {{count}} opportunities, total {{amount}}',
    list: 'List',
  },
  convert: {
    button: 'Convert lead',
    title: 'Convert lead “{{name}}”',
    intro:
      'Converting gives a customer, a contact and, if you like, an opportunity. When a similar customer exists, pick it instead of creating a twin.',
    candidates: 'Similar existing customers',
    reasonIdentifier: 'Same number',
    reasonName: 'Same name',
    newCustomer: 'New customer “{{name}}”',
    createOpportunity: 'Also create an opportunity',
    opportunityName: 'Opportunity name',
    opportunityNameRequired: 'Enter a name for the opportunity',
    amount: 'Amount',
    closeDate: 'Expected close',
    submit: 'Convert',
    done: 'Lead converted',
    converted: 'This lead was converted on {{date}}.',
    openCustomer: 'Open customer',
    openOpportunity: 'Open opportunity',
  },
  team: { title: 'Deal team', added: 'Added to the deal team', removeTitle: 'Remove {{name}} from the deal team?' },
  admin: salesAdminEn,
  planning: planningEn,
};
