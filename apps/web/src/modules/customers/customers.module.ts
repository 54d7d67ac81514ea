// What the customers module adds to the generic record pages: the customer card's quick actions, identifiers,
// account team and timeline; the region cascader on the form and card; the province filter's choices.
// Imported once by the app; registering is all it does.
import {
  registerDetailExtension,
  registerFieldGroupInput,
  registerFilterChoices,
  registerFormNotice,
} from '../records/pageExtensions.ts';
import { DuplicateNotice } from './DuplicateNotice.tsx';
import { IdentifiersPanel } from './IdentifiersPanel.tsx';
import { ProvinceChoices } from './ProvinceChoices.tsx';
import { QuickActions } from './QuickActions.tsx';
import { RegionCascader } from './RegionCascader.tsx';
import { REGION_FIELDS } from './regions.ts';
import { TeamPanel } from './TeamPanel.tsx';
import { TimelineTab } from './TimelineTab.tsx';

registerDetailExtension('customer', { Panel: QuickActions });
registerDetailExtension('customer', {
  Panel: IdentifiersPanel,
  tabs: [{ key: 'timeline', label: (t) => t('customers.timeline.title'), first: true, Component: TimelineTab }],
});

registerDetailExtension('customer', { Panel: TeamPanel });

registerFormNotice('customer', DuplicateNotice);
registerFieldGroupInput('customer', {
  fields: [...REGION_FIELDS],
  label: (t) => t('customers.region.label'),
  Input: RegionCascader,
});
registerFilterChoices('customer', 'province', ProvinceChoices);
