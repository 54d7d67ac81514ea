// What the customers module adds to the generic record pages: the customer card's identifiers and quick actions.
// Imported once by the app; registering is all it does.
import { registerDetailExtension } from '../records/detailExtensions.ts';
import { IdentifiersPanel } from './IdentifiersPanel.tsx';
import { QuickActions } from './QuickActions.tsx';

registerDetailExtension('customer', { Panel: QuickActions });
registerDetailExtension('customer', { Panel: IdentifiersPanel });
