import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import type { Digest, DigestService } from '../domain/digest.ts';
import { mailHeaders } from '../use-cases/mail-worker.ts';
import { digestMail } from './mail-digest.ts';

// The size of a large digest: Gmail shows only the first 102 KB of a message and hides the rest
// (with its unsubscribe link) behind "[Bericht ingekort]". An organisation that follows twenty
// services, each with every line filled and three new actions, stays under it, measured on the
// whole message as nodemailer sends it (headers, and both parts encoded).

const GMAIL_CLIP_BYTES = 102 * 1024;

function service(i: number): DigestService {
  return {
    serviceId: `dienst-met-een-lange-naam-${i}`,
    name: `Aanvraag omgevingsvergunning en bouwaanvraag, loket ${i}`,
    responses: 1234,
    csat: 0.734,
    csatInterval: [0.712, 0.755],
    impressions: 45678,
    responseRate: 0.027,
    previous: { responses: 1180, csat: 0.701 },
    change: 0.033,
    reasons: [
      { code: 'too-slow', label: 'Het duurde te lang', count: 312 },
      { code: 'unclear-information', label: 'De informatie was onduidelijk', count: 201 },
      { code: 'technical-problem', label: 'Er was een technisch probleem', count: 99 },
    ],
    themes: ['formulier', 'wachttijd', 'bijlagen', 'aanvraag', 'telefoon'].map((term, n) => ({
      term,
      count: 90 - n * 10,
    })),
    // Three new actions a month, each with a title of a hundred characters.
    actions: [1, 2, 3].map((n) => ({
      title: `Actie ${n}: het aanvraagformulier korter maken, de bijlagen vooraf opsommen en de wachttijd tonen`,
      status: 'in-progress' as const,
    })),
  };
}

describe('a digest of twenty services', () => {
  it('stays well under the 102 KB at which Gmail clips a message, as it is sent', async () => {
    const digest: Digest = {
      organisationName: 'Agentschap Omgeving Vlaanderen',
      frequency: 'monthly',
      period: { from: '2026-06-01', to: '2026-06-30' },
      previousPeriod: { from: '2026-05-01', to: '2026-05-31' },
      soFar: false,
      minimum: 10,
      services: Array.from({ length: 20 }, (_, i) => service(i + 1)),
    };
    const unsubscribe = `https://feedback.example.be/unsubscribe/${'T'.repeat(43)}`;
    const mail = digestMail(
      digest,
      {
        email: 'kwaliteit@omgeving.vlaanderen.be',
        frequency: 'monthly',
        organisationName: digest.organisationName,
        unsubscribeUrl: unsubscribe,
      },
      'https://feedback.example.be/dashboard/',
    );
    // Every service is in it, with its link, and the unsubscribe link at the very end.
    expect(mail.html.match(/<h2 /g)).toHaveLength(20);
    expect(mail.html.lastIndexOf(unsubscribe)).toBeGreaterThan(mail.html.lastIndexOf('<h2 '));
    // The whole message as nodemailer writes it (both parts, encoded, and the headers).
    const raw = await new MailComposer({
      from: 'Feedback Vlaanderen <feedback@vlaanderen.be>',
      to: 'kwaliteit@omgeving.vlaanderen.be',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mailHeaders(unsubscribe),
    })
      .compile()
      .build();
    expect(raw.length).toBeLessThan(GMAIL_CLIP_BYTES);
    // The HTML has no runs of template indentation left; its no-break spaces are kept.
    expect(mail.html).not.toMatch(/[ \t\r\n]{2,}/);
    expect(mail.html).toContain('73,4\u00a0%');
  });
});
