import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '@/lib/auth';
import { addDays } from '@/lib/zones';
import {
  cancelBooking,
  chooseGoogleCalendars,
  closePage,
  companyName,
  connectGoogle,
  createPage,
  deleteFeed,
  disconnectGoogle,
  getAvailability,
  getBooking,
  getDemoInfo,
  getFeed,
  getGoogle,
  listBookings,
  listGoogleCalendars,
  listPages,
  pageSlots,
  putAvailability,
  rotateFeed,
  rotatePageLink,
  updatePage,
  type AvailabilityWrite,
  type BookingsPage,
  type GoogleCalendarChoice,
  type ListBookingsParams,
  type PageCreate,
  type PageUpdate,
} from '../api';

export const calendarKeys = {
  all: ['calendar'] as const,
  availability: ['calendar', 'availability'] as const,
  pages: (hostId: number) => ['calendar', 'pages', hostId] as const,
  pageSlots: (token: string, from: string, tz: string) => ['calendar', 'page-slots', token, from, tz] as const,
  bookings: ['calendar', 'bookings'] as const,
  bookingList: (when: 'upcoming' | 'past', params: ListBookingsParams) => ['calendar', 'bookings', when, params] as const,
  booking: (id: number) => ['calendar', 'bookings', 'one', id] as const,
  google: ['calendar', 'google'] as const,
  googleCalendars: ['calendar', 'google', 'calendars'] as const,
  feed: ['calendar', 'feed'] as const,
};

/**
 * Why a calendar setting cannot be changed, or null when it can. The demo role changes nothing here;
 * the public demo (demo mode) also switches off hours and connections for everyone (services/kit/policy.py).
 */
export function useCalendarGuards() {
  const { user } = useAuth();
  const demo = useQuery({ queryKey: ['auth', 'demo'], queryFn: getDemoInfo, staleTime: 5 * 60_000 });
  const roleReason = user?.role === 'demo' ? 'The demo account can look at the calendar but not change it.' : null;
  const demoMode = demo.data?.enabled === true;
  const settingReason = roleReason ?? (demoMode ? 'Switched off in the public demo: it would change settings or reach outside the product.' : null);
  return {
    userId: user?.id ?? null,
    isAdmin: user?.role === 'admin',
    /** Pages and bookings: refused only to the demo role. */
    write: roleReason,
    /** Availability, Google and the feed: refused to the demo role and in the public demo. */
    setting: settingReason,
  };
}

export function useAvailability() {
  return useQuery({ queryKey: calendarKeys.availability, queryFn: getAvailability });
}

export function useSaveAvailability() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AvailabilityWrite) => putAvailability(body),
    onSuccess: (saved) => {
      qc.setQueryData(calendarKeys.availability, saved);
      void qc.invalidateQueries({ queryKey: ['calendar', 'page-slots'] });
    },
  });
}

export function usePages(hostId: number | null) {
  return useQuery({ queryKey: calendarKeys.pages(hostId ?? 0), queryFn: () => listPages(hostId!), enabled: hostId !== null });
}

export function usePageSlots(token: string, from: string, to: string, tz: string, enabled: boolean) {
  return useQuery({ queryKey: calendarKeys.pageSlots(token, from, tz), queryFn: () => pageSlots(token, from, to, tz), enabled });
}

function usePagesMutation<T, R>(fn: (input: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar', 'pages'] }) });
}

export const useCreatePage = () => usePagesMutation((body: PageCreate) => createPage(body));
export const useUpdatePage = () => usePagesMutation(({ id, patch }: { id: number; patch: PageUpdate }) => updatePage(id, patch));
export const useClosePage = () => usePagesMutation((id: number) => closePage(id));
export const useRotatePageLink = () => usePagesMutation((id: number) => rotatePageLink(id));

const PAGE = 25;

/**
 * Upcoming bookings soonest first; past ones latest first. The API sorts by start ascending, so the
 * past list asks for the total first and reads its pages from the end.
 */
export function useBookings(when: 'upcoming' | 'past', hostId: number | null, page: number, now: string, enabled = true) {
  const params: ListBookingsParams = when === 'upcoming' ? { from: now } : { to: now };
  if (hostId !== null) params.host_id = hostId;
  return useQuery({
    queryKey: calendarKeys.bookingList(when, { ...params, offset: page }),
    placeholderData: keepPreviousData,
    enabled,
    queryFn: async (): Promise<BookingsPage> => {
      if (when === 'upcoming') return listBookings({ ...params, limit: PAGE, offset: page * PAGE });
      const head = await listBookings({ ...params, limit: 1, offset: 0 });
      const end = head.total - page * PAGE;
      if (end <= 0) return { items: [], total: head.total, limit: PAGE, offset: page * PAGE };
      const start = Math.max(0, end - PAGE);
      const slice = await listBookings({ ...params, limit: end - start, offset: start });
      return { items: [...slice.items].reverse(), total: slice.total, limit: PAGE, offset: page * PAGE };
    },
  });
}

export const BOOKINGS_PAGE = PAGE;

/**
 * A week's bookings, cancelled ones too. The window is widened by a day on each side of Monday 00:00 and
 * Sunday 24:00 UTC, so whatever the reader's zone the whole week is in it; the view sorts them into days.
 */
export function useWeekBookings(monday: string, hostId: number | null) {
  const from = `${addDays(monday, -1)}T00:00:00Z`;
  const to = `${addDays(monday, 8)}T00:00:00Z`;
  const params: ListBookingsParams = { from, to, limit: 200 };
  if (hostId !== null) params.host_id = hostId;
  return useQuery({ queryKey: ['calendar', 'bookings', 'week', params], queryFn: async () => (await listBookings(params)).items, placeholderData: keepPreviousData });
}

export function useBooking(id: number) {
  return useQuery({ queryKey: calendarKeys.booking(id), queryFn: () => getBooking(id) });
}

export function useCancelBooking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string | null }) => cancelBooking(id, reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

/** Company names for the bookings on screen (one cached request per company). */
export function useCompanyName(id: number | null) {
  return useQuery({ queryKey: ['leads', 'companies', id, 'name'], queryFn: () => companyName(id!), enabled: id !== null, staleTime: 60_000 });
}

export function useGoogle() {
  return useQuery({ queryKey: calendarKeys.google, queryFn: getGoogle });
}

export function useGoogleCalendars(enabled: boolean) {
  return useQuery({ queryKey: calendarKeys.googleCalendars, queryFn: listGoogleCalendars, enabled });
}

export function useConnectGoogle() {
  return useMutation({ mutationFn: connectGoogle });
}

function useGoogleMutation<T>(fn: (input: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.google }) });
}

export const useChooseGoogleCalendars = () => useGoogleMutation((body: GoogleCalendarChoice) => chooseGoogleCalendars(body));
export const useDisconnectGoogle = () => useGoogleMutation((_: void) => disconnectGoogle());

export function useFeed() {
  return useQuery({ queryKey: calendarKeys.feed, queryFn: getFeed });
}

export function useRotateFeed() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: rotateFeed, onSuccess: (feed) => qc.setQueryData(calendarKeys.feed, feed) });
}

export function useDeleteFeed() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteFeed, onSuccess: () => qc.setQueryData(calendarKeys.feed, { url: null }) });
}
