// English strings of the contracts pages; same keys as contracts.messages.zh-CN.ts.
import type { Messages } from '../../../app/i18n/zh-CN.ts';

export const contractsEn: Messages['commerce']['contracts'] = {
  renewal: {
    label: 'Renewal',
    daysLeft: 'Ends in {{count}} days',
    dueToday: 'Ends today',
    overdue: '{{count}} days past the end date',
    expired: 'Expired',
    renewed: 'Renewed',
    terminated: 'Terminated',
    endsOn: 'Ends on {{date}}',
    reminded: 'Renewal reminder sent on {{date}}',
    openRenewal: 'Open the renewal',
    renewedFrom: 'Renews {{number}}',
    renew: 'Renew',
    renewTitle: 'Renew “{{name}}”?',
    renewHint: 'A draft contract starting {{start}} is made with the same customer, amount and terms; this one becomes renewed.',
    done: 'Renewal {{number}} created',
  },
  fromQuote: {
    action: 'Make contract',
    hint: 'The quote was {{status}}; a draft contract can be made from it (customer, amount and terms from the quote).',
    done: 'Contract {{number}} created',
    exists: 'A contract was already made from this quote; here it is.',
    approved: 'approved',
    sent: 'sent to the customer',
    accepted: 'accepted by the customer',
  },
  customer: {
    tab: 'Contracts',
    empty: 'No contracts',
    create: 'New contract',
    columns: { number: 'Number', name: 'Name', status: 'Status', term: 'Term', amount: 'Amount', renewal: 'Ends' },
  },
};
