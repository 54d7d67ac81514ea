// What the sales module adds to the generic record pages: lead conversion on a lead's page. The board has its own
// route (/opportunities/board) and a link in the side navigation.
// Imported once by the app; registering is all it does.
import { registerDetailExtension } from '../records/pageExtensions.ts';
import { registerNavLink } from '../../app/nav/navModel.ts';
import { ConvertLeadAction } from './ConvertLeadAction.tsx';

registerDetailExtension('lead', { Panel: ConvertLeadAction });
registerNavLink({
  subsystem: 'sales',
  path: '/opportunities/board',
  label: (t) => t('sales.board.link'),
  requires: 'opportunity',
});
