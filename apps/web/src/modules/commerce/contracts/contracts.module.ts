// What the contracts part adds to the generic record pages: on a contract, where it stands towards its end date with
// the 续签 action, and its attachments; on an approved or accepted quote, 生成合同; on the customer card, a 合同 tab.
// Contracts' own list, card and form come from the kit at /contracts. Imported once by commerce.module.ts.
import { registerDetailExtension } from '../../records/pageExtensions.ts';
import { AttachmentsPanel } from '../../records/AttachmentsPanel.tsx';
import { ContractRenewalPanel } from './ContractRenewalPanel.tsx';
import { CustomerContractsTab } from './CustomerContractsTab.tsx';
import { FromQuoteAction } from './FromQuoteAction.tsx';

registerDetailExtension('contract', { Panel: ContractRenewalPanel });
registerDetailExtension('contract', { Panel: AttachmentsPanel });
registerDetailExtension('quote', { Panel: FromQuoteAction });
// Every commercial document may carry files: the customer's signed quote, an order's delivery note.
registerDetailExtension('quote', { Panel: AttachmentsPanel });
registerDetailExtension('order', { Panel: AttachmentsPanel });
registerDetailExtension('customer', {
  tabs: [{ key: 'contracts', label: (t) => t('commerce.contracts.customer.tab'), Component: CustomerContractsTab }],
});
