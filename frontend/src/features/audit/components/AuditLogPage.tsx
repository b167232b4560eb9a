import {
  Button,
  EmptyState,
  ListIcon,
  PageHeader,
  PaginationFooter,
  QueryErrorCard,
  Select,
  Table,
  TableEmptyRow,
  TableSkeleton,
  TBody,
  Td,
  Th,
  THead,
  Tr,
  UpdatingSpinner,
  XIcon,
} from '@/components/ui';
import { useUrlParams } from '@/lib/useUrlState';
import { formatDateTime, formatRelative } from '@/lib/format';
import { AUDIT_EVENTS } from '../api';
import { useAuditLog } from '../hooks/useAuditLog';
import { AuditDetail } from './AuditDetail';
import { EventBadge } from './EventBadge';

export const AUDIT_PAGE_SIZE = 50;
const COLUMNS = 5;

export function AuditLogPage() {
  const { params, update, setOffset } = useUrlParams();
  const event = params.get('event') ?? '';
  const userIdParam = Number(params.get('user_id'));
  const userId = Number.isInteger(userIdParam) && userIdParam > 0 ? userIdParam : undefined;
  const offset = Math.max(0, Number(params.get('offset')) || 0);

  const query = useAuditLog({
    limit: AUDIT_PAGE_SIZE,
    offset,
    ...(event ? { event } : {}),
    ...(userId ? { user_id: userId } : {}),
  });
  const data = query.data;

  const filtered = Boolean(event || userId);
  const eventOptions: string[] = [...AUDIT_EVENTS];
  if (event && !eventOptions.includes(event)) eventOptions.push(event);

  return (
    <>
      <PageHeader title="Audit log" description="Sign-ins, failed attempts and account changes, newest first." />

      <div className="mb-4 flex flex-wrap items-center gap-3">
        <label htmlFor="audit-event" className="text-sm font-medium text-gray-700">
          Event
        </label>
        <Select
          id="audit-event"
          className="w-56"
          value={event}
          onChange={(e) => update({ event: e.target.value || null, offset: null })}
        >
          <option value="">All events</option>
          {eventOptions.map((ev) => (
            <option key={ev} value={ev}>
              {ev}
            </option>
          ))}
        </Select>
        {userId ? (
          <Button variant="secondary" size="sm" onClick={() => update({ user_id: null, offset: null })} aria-label="Clear user filter">
            User #{userId}
            <XIcon className="size-3.5" />
          </Button>
        ) : null}
        <UpdatingSpinner query={query} />
      </div>

      {query.isError && !data ? (
        <QueryErrorCard title="Couldn't load the audit log" query={query} />
      ) : (
        <>
          <Table aria-label="Audit events">
            <THead>
              <tr>
                <Th>Time</Th>
                <Th>Event</Th>
                <Th>E-mail</Th>
                <Th>IP</Th>
                <Th>Detail</Th>
              </tr>
            </THead>
            {query.isLoading ? (
              <TableSkeleton columns={COLUMNS} label="Loading audit events" />
            ) : (
              <TBody>
                {data && data.items.length === 0 ? (
                  <TableEmptyRow columns={COLUMNS}>
                    <EmptyState
                      icon={<ListIcon />}
                      title={filtered ? 'No matching events' : 'No events yet'}
                      description={
                        filtered
                          ? 'Nothing was recorded for this filter. Try another event type.'
                          : 'Sign-ins and account changes will show up here as they happen.'
                      }
                      action={
                        filtered ? (
                          <Button variant="secondary" onClick={() => update({ event: null, user_id: null, offset: null })}>
                            Clear filters
                          </Button>
                        ) : undefined
                      }
                    />
                  </TableEmptyRow>
                ) : null}
                {data?.items.map((ev) => (
                  <Tr key={ev.id}>
                    <Td className="whitespace-nowrap">
                      <time dateTime={ev.at} title={formatRelative(ev.at)}>
                        {formatDateTime(ev.at)}
                      </time>
                    </Td>
                    <Td>
                      <EventBadge event={ev.event} />
                    </Td>
                    <Td className="text-gray-600">{ev.email ?? <span className="text-gray-400">—</span>}</Td>
                    <Td className="font-mono text-xs whitespace-nowrap text-gray-600">{ev.ip ?? <span className="text-gray-400">—</span>}</Td>
                    <Td>
                      <AuditDetail detail={ev.detail} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            )}
          </Table>
          <PaginationFooter page={data} pageSize={AUDIT_PAGE_SIZE} label="Audit log pages" onOffsetChange={setOffset} />
        </>
      )}
    </>
  );
}
