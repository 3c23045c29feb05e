import type {
  LoginFlowRecord,
  PeopleStore,
  PersonRecord,
  SessionRecord,
} from '../domain/people-store.ts';
import { AlertSqlStore } from './alert-sql-store.ts';
import * as q from './people-queries.ts';

/**
 * People, their sessions and the sign-ins under way, written once for SQLite and PostgreSQL on
 * the shared queries (people-queries.ts). SqlStore extends it; a store gives `rows`, `run` and
 * `transaction`.
 */
export abstract class PeopleSqlStore extends AlertSqlStore implements PeopleStore {
  async createPerson(person: PersonRecord): Promise<void> {
    await this.run(q.insertPerson(person));
  }

  listPeople(organisationId?: string): Promise<PersonRecord[]> {
    return this.rows<PersonRecord>(q.people(organisationId));
  }

  async getPerson(id: string): Promise<PersonRecord | undefined> {
    return (await this.rows<PersonRecord>(q.personWhere({ id })))[0];
  }

  async findPersonByEmail(email: string): Promise<PersonRecord | undefined> {
    return (await this.rows<PersonRecord>(q.personWhere({ email })))[0];
  }

  async findPersonBySubject(issuer: string, subject: string): Promise<PersonRecord | undefined> {
    return (await this.rows<PersonRecord>(q.personWhere({ issuer, subject })))[0];
  }

  async bindPerson(id: string, issuer: string, subject: string, at: number): Promise<boolean> {
    return (await this.run(q.bindPerson(id, issuer, subject, at))) > 0;
  }

  removePerson(id: string): Promise<boolean> {
    return this.transaction(async (tx) => {
      await tx.run(q.deleteSessionsOf(id));
      return (await tx.run(q.deletePerson(id))) > 0;
    });
  }

  createSession(session: SessionRecord, idleBefore: number): Promise<void> {
    return this.transaction(async (tx) => {
      await tx.run(q.deleteIdleSessions(idleBefore));
      await tx.run(q.insertSession(session));
    });
  }

  async findSession(
    idHash: string,
  ): Promise<{ session: SessionRecord; person: PersonRecord } | undefined> {
    const [row] = await this.rows<q.SessionRow>(q.sessionWithPerson(idHash));
    return row && q.sessionOf(row);
  }

  async touchSession(idHash: string, at: number): Promise<void> {
    await this.run(q.touchSession(idHash, at));
  }

  async deleteSession(idHash: string): Promise<boolean> {
    return (await this.run(q.deleteSession(idHash))) > 0;
  }

  createLoginFlow(flow: LoginFlowRecord, expiredBefore: number): Promise<void> {
    return this.transaction(async (tx) => {
      await tx.run(q.deleteExpiredLoginFlows(expiredBefore));
      await tx.run(q.insertLoginFlow(flow));
    });
  }

  async takeLoginFlow(state: string, notBefore: number): Promise<LoginFlowRecord | undefined> {
    const [flow] = await this.rows<LoginFlowRecord>(q.takeLoginFlow(state));
    // Taken either way: an expired flow is of no use to anyone any more.
    return flow && flow.createdAt >= notBefore ? flow : undefined;
  }
}
