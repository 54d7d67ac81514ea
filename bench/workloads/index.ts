// Every bench workload, in the order they run. A new workload is a file in this folder and a line here.
import type { Workload } from './workload.ts';
import { loginWorkload } from './login.ts';
import { getByIdWorkload } from './getById.ts';
import { listFilterSortWorkload } from './listFilterSort.ts';
import { createWorkload } from './create.ts';
import {
  customerListWorkload,
  identifierLookupWorkload,
  searchChinese2Workload,
  searchChineseWorkload,
  searchInitialsWorkload,
  searchPhoneTailWorkload,
  searchPinyinWorkload,
} from './customers.ts';
import {
  agingBranchWorkload,
  agingCompanyWorkload,
  orderCreate50Workload,
  orderSearchWorkload,
  pricing200Workload,
  quotePdf50Workload,
} from './commerce.ts';
import { forecastWorkload, kanbanOpenWorkload, kanbanUnitWorkload, kanbanWorkload, planVsActualWorkload } from './sales.ts';

export const WORKLOADS: Workload[] = [
  loginWorkload,
  getByIdWorkload,
  listFilterSortWorkload,
  createWorkload,
  identifierLookupWorkload,
  searchChineseWorkload,
  searchChinese2Workload,
  searchPinyinWorkload,
  searchInitialsWorkload,
  searchPhoneTailWorkload,
  customerListWorkload,
  kanbanWorkload,
  kanbanUnitWorkload,
  kanbanOpenWorkload,
  forecastWorkload,
  planVsActualWorkload,
  orderCreate50Workload,
  pricing200Workload,
  agingCompanyWorkload,
  agingBranchWorkload,
  orderSearchWorkload,
  quotePdf50Workload,
];
