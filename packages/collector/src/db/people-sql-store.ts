import type { PeopleStore } from '../domain/people-store.ts';
import { AlertSqlStore } from './alert-sql-store.ts';

/**
 * People, their sessions and the sign-ins under way, written once for SQLite and PostgreSQL. SqlStore extends it; a store gives `rows`,
 * `run` and `transaction`.
 */
export abstract class PeopleSqlStore extends AlertSqlStore implements PeopleStore {}
