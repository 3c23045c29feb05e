import type {
  LoginFlowRecord,
  PeopleStore,
  PersonLeaving,
  PersonLeavings,
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

  removePerson(id: string, leaving: PersonLeaving): Promise<PersonLeavings | undefined> {
    return this.transaction(async (tx) => {
      const [person] = await tx.rows<PersonRecord>(q.personWhere({ id }));
      if (!person) return undefined;
      await tx.run(q.deleteSessionsOf(id));
      // Removed at the same moment elsewhere: that removal took back what was theirs.
      if ((await tx.run(q.deletePerson(id))) === 0) return undefined;
      if (person.organisationId !== null) await this.writeWaitingEventsIn(tx);
      const disabled =
        person.organisationId === null
          ? []
          : await tx.rows<{ id: string }>(q.disableWebhooksOf(person.organisationId, leaving));
      const created = await tx.rows<{ target: string }>(
        q.tokensCreatedBy(leaving.actor, leaving.since),
      );
      const revokedTokens: string[] = [];
      for (const { target } of created) {
        const tokenId = target.replace(/^token:/, '');
        const [revoked] = await tx.rows<{ id: string }>(q.revokeTokenNow(tokenId, leaving.at));
        if (revoked) revokedTokens.push(revoked.id);
      }
      return { disabledWebhooks: disabled.map((row) => row.id), revokedTokens };
    });
  }

  createSession(
    session: SessionRecord,
    ended: { lastSeenBefore: number; createdBefore: number },
  ): Promise<void> {
    return this.transaction(async (tx) => {
      await tx.run(q.deleteEndedSessions(ended.lastSeenBefore, ended.createdBefore));
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
