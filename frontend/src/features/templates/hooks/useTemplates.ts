import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  getTemplateVariables,
  listTemplates,
  previewTemplate,
  updateTemplate,
  type EmailTemplateWrite,
} from '../api';

export const templateKeys = {
  all: ['email', 'templates'] as const,
  list: ['email', 'templates', 'list'] as const,
  detail: (id: number) => ['email', 'templates', 'detail', id] as const,
  variables: ['email', 'template-variables'] as const,
};

export function useTemplateList() {
  return useQuery({ queryKey: templateKeys.list, queryFn: listTemplates });
}

export function useTemplate(id: number | null) {
  return useQuery({ queryKey: templateKeys.detail(id ?? 0), queryFn: () => getTemplate(id!), enabled: id !== null && id > 0 });
}

export function useTemplateVariables() {
  return useQuery({ queryKey: templateKeys.variables, queryFn: getTemplateVariables, staleTime: 10 * 60_000 });
}

export function useSaveTemplate(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EmailTemplateWrite) => (id ? updateTemplate(id, body) : createTemplate(body)),
    onSuccess: (saved) => {
      qc.setQueryData(templateKeys.detail(saved.id), saved);
      void qc.invalidateQueries({ queryKey: templateKeys.list });
    },
  });
}

export function useDeleteTemplate() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteTemplate, onSuccess: () => void qc.invalidateQueries({ queryKey: templateKeys.all }) });
}

/** The preview of the saved template; `version` (its updated_at) refreshes it after a save. */
export function useTemplatePreview(templateId: number | null, version: string | undefined, contactId: number | null) {
  return useQuery({
    queryKey: ['email', 'template-preview', templateId, version, contactId],
    queryFn: () => previewTemplate(templateId!, contactId!),
    enabled: templateId !== null && contactId !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
