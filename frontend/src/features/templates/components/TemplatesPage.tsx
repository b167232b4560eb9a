import { Link } from 'react-router';
import {
  Card,
  EmptyState,
  PageHeader,
  PlusIcon,
  QueryErrorState,
  Table,
  TableSkeleton,
  TBody,
  Td,
  TemplateIcon,
  Th,
  THead,
  Tr,
} from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useTemplateList } from '../hooks/useTemplates';

const newLink = (
  <Link to="/templates/new" className="inline-flex h-10 items-center gap-2 rounded-lg bg-accent-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-accent-700">
    <PlusIcon className="size-4" />
    New template
  </Link>
);

/** The stored e-mail templates campaign steps send. */
export function TemplatesPage() {
  const list = useTemplateList();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title="Templates" description="Reusable e-mails with variables filled per contact — write them yourself or with the AI assistant." actions={newLink} />
      {list.isError ? (
        <QueryErrorState title="Couldn't load templates" query={list} />
      ) : list.isLoading ? (
        <Card>
          <Table><TableSkeleton columns={3} label="Loading templates" /></Table>
        </Card>
      ) : items.length === 0 ? (
        <EmptyState icon={<TemplateIcon />} title="No template yet" description="A campaign step sends a template. Write the first one." action={newLink} />
      ) : (
        <Card className="overflow-x-auto">
          <Table aria-label="Templates">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Subject</Th>
                <Th>Changed</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((t) => (
                <Tr key={t.id}>
                  <Td>
                    <Link to={`/templates/${t.id}`} className="font-medium text-accent-700 hover:underline">
                      {t.name}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs text-gray-700">{t.subject}</Td>
                  <Td className="text-sm text-gray-500">{formatDateTime(t.updated_at ?? t.created_at)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      )}
    </>
  );
}
