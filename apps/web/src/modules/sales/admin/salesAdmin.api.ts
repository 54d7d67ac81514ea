// Data of the sales administration pages: pipelines (saved whole, If-Match), the ordered lead assignment rules (saved
// as one list) and the public lead forms. Bodies are typed by the contracts, so a renamed field fails the build here.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignmentRuleInput,
  assignmentRulesInputSchema,
  LeadFormInput,
  Pipeline,
  PipelineInput,
  UserSummary,
} from '@guanxi/contracts';
import { api, request } from '../../../platform/api.ts';
import { salesKeys } from '../sales.api.ts';

/** A saved rule as GET /lead-assignment-rules lists it. */
export type AssignmentRule = Required<Omit<AssignmentRuleInput, 'conditions'>> & {
  id: string;
  position: number;
  conditions: NonNullable<AssignmentRuleInput['conditions']>;
};

/** A saved form as GET /lead-forms lists it. */
export type LeadForm = Required<LeadFormInput> & { id: string; fallbackOrgUnitId: string; createdAt: string };

export const salesAdminKeys = {
  rules: ['sales', 'assignmentRules'] as const,
  forms: ['sales', 'leadForms'] as const,
  user: (id: string) => ['users', id] as const,
};

export const savePipeline = (body: PipelineInput, existing?: Pipeline) =>
  existing
    ? request<Pipeline>('PUT', `/pipelines/${existing.id}`, body, { ifMatch: existing.version })
    : api.post<Pipeline>('/pipelines', body);

export const useAssignmentRules = () =>
  useQuery({
    queryKey: salesAdminKeys.rules,
    queryFn: () => api.get<{ items: AssignmentRule[] }>('/lead-assignment-rules').then((r) => r.items),
  });

export const saveAssignmentRules = (body: z.input<typeof assignmentRulesInputSchema>) =>
  api.put<{ items: AssignmentRule[] }>('/lead-assignment-rules', body).then((r) => r.items);

export const useLeadForms = () =>
  useQuery({
    queryKey: salesAdminKeys.forms,
    queryFn: () => api.get<{ items: LeadForm[] }>('/lead-forms').then((r) => r.items),
  });

export const saveLeadForm = (body: LeadFormInput, id?: string) =>
  id ? api.put<LeadForm>(`/lead-forms/${id}`, body) : api.post<LeadForm>('/lead-forms', body);

/** One user's name, for a picker showing a saved choice before any search. */
export const useUserSummary = (id: string | null | undefined) =>
  useQuery({
    queryKey: salesAdminKeys.user(id ?? ''),
    enabled: !!id,
    staleTime: 5 * 60_000,
    queryFn: () => api.get<UserSummary>(`/users/${id}`),
  });

export { salesKeys };
