import { sql, type SQL } from 'drizzle-orm';
import type { AlertWindow } from '@vo-feedback/shared';
import type { AlertListQuery, CommentSampleQuery } from '../domain/alert-store.ts';
import type { AlertRecord, StoredAlert } from '../domain/alerts.ts';

// The SQL of alerts, shared by SQLite and PostgreSQL like queries.ts. The two windows are one
// JSON text (`details`); the service's name and organisation are read from `services`, as they
// are now (the organisation stored with the alert only for a service that no longer exists).

/** What `details` holds. */
interface Details {
  recent: AlertWindow;
  previous: AlertWindow;
}

/**
 * Inserts an alert; nothing when its service has one of its kind on its day already (the unique
 * index alerts_once_a_day): how many rows it wrote, 1 or 0, says whether it was raised.
 */
export const insertAlert = (alert: AlertRecord) => {
  const details: Details = { recent: alert.recent, previous: alert.previous };
  return sql`insert into alerts (id, service_id, organisation_id, kind, day, theme, details,
        raised_at)
      values (${alert.id}, ${alert.serviceId}, ${alert.organisationId}, ${alert.kind},
        ${alert.day}, ${alert.theme}, ${JSON.stringify(details)}, ${alert.raisedAt})
      on conflict (service_id, kind, day) do nothing`;
};

/** An `alerts` row as both stores read it. */
export type AlertRow = Omit<StoredAlert, 'recent' | 'previous'> & { details: string };

export function toStoredAlert(row: AlertRow): StoredAlert {
  const { details, ...rest } = row;
  const windows = JSON.parse(details) as Details;
  return { ...rest, recent: windows.recent, previous: windows.previous };
}

/** The organisation an alert is listed under: its service's now, else the one it was raised for. */
const ORGANISATION = sql`coalesce(s.organisation_id, a.organisation_id)`;

export function alerts(query: AlertListQuery): SQL {
  const conditions = [sql`a.day >= ${query.from}`, sql`a.day <= ${query.to}`];
  if (query.organisationId !== undefined) {
    conditions.push(sql`${ORGANISATION} = ${query.organisationId}`);
  }
  if (query.serviceId !== undefined) conditions.push(sql`a.service_id = ${query.serviceId}`);
  return sql`select a.id, a.service_id as "serviceId", coalesce(s.name, a.service_id) as "serviceName",
        ${ORGANISATION} as "organisationId", a.kind, a.day, a.theme, a.details,
        a.raised_at as "raisedAt"
      from alerts a left join services s on s.id = a.service_id
     where ${sql.join(conditions, sql` and `)}
     order by a.day desc, a.raised_at desc, a.id desc
     limit ${query.limit}`;
}

/**
 * The newest `perDay` comments of each day, in one statement for both dialects: a UNION ALL of
 * one bounded range of the (service_id, created_at) index per day, each wrapped in a subquery
 * (SQLite allows ORDER BY and LIMIT only at the end of a compound select). The work is bounded by
 * days × perDay however busy the service, where a window function would read every comment.
 */
export function commentSample(query: CommentSampleQuery): SQL {
  const days = query.days.map(
    ({ start, end }, i) =>
      sql`select * from (select comment, lang, rating from feedback
           where service_id = ${query.serviceId} and created_at >= ${start}
             and created_at < ${end} and comment is not null
           order by created_at desc limit ${query.perDay}) as ${sql.raw(`day${i}`)}`,
  );
  return sql.join(days, sql` union all `);
}
