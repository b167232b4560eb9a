import { useParams } from 'react-router';

/** A record id from the route (`/companies/:companyId`): the positive integer, or 0 when it is missing or malformed. */
export function useRouteId(param: string): number {
  const id = Number(useParams()[param]);
  return Number.isInteger(id) && id > 0 ? id : 0;
}
