// Data of the sales planning pages: targets (list, add, change, remove, split down the tree), plan vs actual, the
// forecast and its weekly trend, scorecards and their weights, the dashboard figures, and the org tree to pick a
// unit from. Types come from the contracts (packages/contracts/src/salesPlanning.ts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Forecast,
  ForecastTrend,
  OrgUnit,
  PlanVsActual,
  SalesDashboard,
  SalesTarget,
  SalesTargetInput,
  SalesTargetPatch,
  SalesTargetSplit,
  SalesTargetSplitResult,
  Scorecards,
  ScorecardWeights,
} from '@guanxi/contracts';
import { api, request } from '../../../platform/api.ts';

export const planningKeys = {
  all: ['salesPlanning'] as const,
  targets: (period: string, orgUnitId: string) => ['salesPlanning', 'targets', period, orgUnitId] as const,
  plan: (period: string, orgUnitId: string, category = '') => ['salesPlanning', 'plan', period, orgUnitId, category] as const,
  forecast: (period: string, orgUnitId: string) => ['salesPlanning', 'forecast', period, orgUnitId] as const,
  trend: (period: string, orgUnitId: string, userId: string) => ['salesPlanning', 'trend', period, orgUnitId, userId] as const,
  scorecards: (period: string, orgUnitId: string) => ['salesPlanning', 'scorecards', period, orgUnitId] as const,
  weights: ['salesPlanning', 'weights'] as const,
  dashboard: (period: string, orgUnitId: string, pipelineId: string) =>
    ['salesPlanning', 'dashboard', period, orgUnitId, pipelineId] as const,
  units: ['salesPlanning', 'orgUnits'] as const,
};

/** `?period=…&orgUnitId=…` without the empty ones (the server defaults the unit to the caller's). */
const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  return search.size ? `?${search}` : '';
};

export const useOrgUnitList = () =>
  useQuery({
    queryKey: planningKeys.units,
    staleTime: 5 * 60_000,
    queryFn: () => api.get<{ items: OrgUnit[] }>('/org-units').then((r) => r.items),
  });

export const useTargets = (period: string, orgUnitId: string | undefined) =>
  useQuery({
    queryKey: planningKeys.targets(period, orgUnitId ?? ''),
    enabled: !!orgUnitId,
    queryFn: () =>
      api.get<{ items: SalesTarget[] }>(`/sales-targets${query({ period, orgUnitId, subtree: 'false' })}`).then((r) => r.items),
  });

/** `category`: one product category's targets and revenue (won deals' lines of it); omitted, all products. */
export const usePlanVsActual = (period: string, orgUnitId: string | undefined, category?: string) =>
  useQuery({
    queryKey: planningKeys.plan(period, orgUnitId ?? '', category),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<PlanVsActual>(`/sales-plan-vs-actual${query({ period, orgUnitId, category })}`),
  });

export const useForecast = (period: string, orgUnitId: string | undefined) =>
  useQuery({
    queryKey: planningKeys.forecast(period, orgUnitId ?? ''),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<Forecast>(`/sales-forecast${query({ period, orgUnitId })}`),
  });

export const useForecastTrend = (period: string, orgUnitId: string | undefined, userId?: string) =>
  useQuery({
    queryKey: planningKeys.trend(period, orgUnitId ?? '', userId ?? ''),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<ForecastTrend>(`/sales-forecast/trend${query({ period, orgUnitId, userId })}`),
  });

export const useScorecards = (period: string, orgUnitId: string | undefined) =>
  useQuery({
    queryKey: planningKeys.scorecards(period, orgUnitId ?? ''),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<Scorecards>(`/sales-scorecards${query({ period, orgUnitId })}`),
  });

export const saveWeights = (weights: ScorecardWeights) => api.put<ScorecardWeights>('/sales-scorecard-weights', weights);

export const useDashboard = (period: string, orgUnitId: string | undefined, pipelineId: string | undefined) =>
  useQuery({
    queryKey: planningKeys.dashboard(period, orgUnitId ?? '', pipelineId ?? ''),
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: () => api.get<SalesDashboard>(`/sales-dashboard${query({ period, orgUnitId, pipelineId })}`),
  });

export const createTarget = (body: SalesTargetInput) => api.post<SalesTarget>('/sales-targets', body);

export const updateTarget = (target: SalesTarget, body: SalesTargetPatch) =>
  request<SalesTarget>('PATCH', `/sales-targets/${target.id}`, body, { ifMatch: target.version });

export const deleteTarget = (target: SalesTarget) =>
  request<void>('DELETE', `/sales-targets/${target.id}`, undefined, { ifMatch: target.version });

export const splitTarget = (target: SalesTarget, body: SalesTargetSplit) =>
  api.post<SalesTargetSplitResult>(`/sales-targets/${target.id}/split`, body);
