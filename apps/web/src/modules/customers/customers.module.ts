// What the customers module adds to the generic record pages: the customer card's quick actions, identifiers
// and timeline.
// Imported once by the app; registering is all it does.
import { registerDetailExtension, registerFormNotice } from '../records/pageExtensions.ts';
import { DuplicateNotice } from './DuplicateNotice.tsx';
import { IdentifiersPanel } from './IdentifiersPanel.tsx';
import { QuickActions } from './QuickActions.tsx';
import { TimelineTab } from './TimelineTab.tsx';

registerDetailExtension('customer', { Panel: QuickActions });
registerDetailExtension('customer', {
  Panel: IdentifiersPanel,
  tabs: [{ key: 'timeline', label: (t) => t('customers.timeline.title'), first: true, Component: TimelineTab }],
});

registerFormNotice('customer', DuplicateNotice);
