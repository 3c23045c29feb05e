import { describe, expect, it } from 'vitest';
import { AuditLogSchema, ProblemSchema } from '@vo-feedback/shared';
import { ADMIN_TOKEN, json, submission, testCollector } from '../../test-support/fixtures.ts';
import { personSession } from '../../test-support/sessions.ts';

// Who acted, in the audit, cannot be faked with a token's label: a person is `person:<e-mail>`, a
// token `token:<id>`, the platform `admin` or `cli` — and no token is labelled like a person or the
// platform in the first place.

describe('token labels and the audit’s actors', () => {
  it('refuses a label that is an e-mail address, admin, cli or has a control character (400 naming label)', async () => {
    const { admin, app, store, rowCount } = await testCollector({ adminToken: ADMIN_TOKEN });
    const mia = await personSession(store, {
      email: 'mia@org-a.be',
      role: 'manager',
      organisationId: 'org-a',
    });
    const before = await rowCount('tokens');
    for (const label of [
      'colleague@org-a.be',
      'Jan <jan@org-a.be>',
      'admin',
      ' CLI ',
      'Admin',
      'unsubscribe-link',
      'team\nadmin',
    ]) {
      const body = { label, role: 'provider', organisationId: 'org-a' };
      for (const response of [
        await admin('POST', '/tokens', body),
        await app.request('/api/v1/admin/tokens', {
          method: 'POST',
          headers: { ...mia.changeHeaders, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ]) {
        expect(response.status, label).toBe(400);
        const problem = await json(response, ProblemSchema);
        expect(
          problem.errors?.map((e) => e.path),
          label,
        ).toEqual(['label']);
      }
    }
    expect(await rowCount('tokens')).toBe(before);
    // What a token is for, in words, is fine.
    const ok = await admin('POST', '/tokens', {
      label: 'Dashboard team A (admin-cel)',
      role: 'provider',
      organisationId: 'org-a',
    });
    expect(ok.status).toBe(201);
  });

  it('names a person person:<e-mail>, a token token:<id> and the platform admin, whatever the label', async () => {
    const { admin, app, store, post } = await testCollector({ adminToken: ADMIN_TOKEN });
    const id = (await json(await post(submission({ comment: 'Duidelijk.' })))).id as string;
    const created = (await json(
      await admin('POST', '/tokens', {
        label: 'mia',
        role: 'provider',
        organisationId: 'org-a',
      }),
    )) as { id: string; token: string };
    const mia = await personSession(store, {
      email: 'mia@org-a.be',
      role: 'provider',
      organisationId: 'org-a',
    });
    const triage = (headers: Record<string, string>, status: string) =>
      app.request(`/api/v1/services/dienst-a/feedback/${id}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
    expect((await triage({ authorization: `Bearer ${created.token}` }, 'read')).status).toBe(200);
    expect((await triage(mia.changeHeaders, 'done')).status).toBe(200);
    const audit = await json(await admin('GET', '/audit'), AuditLogSchema);
    expect(audit.entries.map((e) => [e.actor, e.action])).toEqual([
      ['admin', 'token.created'],
      [`token:${created.id}`, 'feedback.triaged'],
      ['person:mia@org-a.be', 'feedback.triaged'],
    ]);
  });
});
