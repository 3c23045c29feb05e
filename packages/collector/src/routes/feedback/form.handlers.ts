import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FormSubmissionSchema, LanguageSchema } from '@vo-feedback/shared';
import { bodyText, decodeUtf8, readBodyBytes } from '../../http/body.ts';
import type { ServiceRecord } from '../../domain/store.ts';
import type { ProblemError } from '../../domain/problems.ts';
import { renderProblemsAs } from '../../http/problem.ts';
import type { ServiceDirectory } from '../../use-cases/service-directory.ts';
import { formErrorPage, requestLanguage, type FormRefusal } from '../../views/form-pages.ts';
import { returnAddress, thankYouPath } from '../hosted/return-address.ts';
import {
  acceptSubmission,
  INGEST_BODY,
  limitRate,
  OPAQUE_ORIGIN_AS_NONE,
  type Ingest,
} from './feedback.handlers.ts';

// The no-JavaScript fallback: a plain HTML form. Every answer is a page in the citizen's language,
// never problem+json: the browser shows the citizen whatever comes back. The same checks as the
// JSON route, thrown as the same problems; this handler renders them as pages.

/** The fields of the form, as its declaration names them; anything else a browser adds is ignored. */
const FORM_FIELDS = FormSubmissionSchema.keyof().options;
type FormFields = Partial<Record<Exclude<(typeof FORM_FIELDS)[number], 'reasons'>, string>> & {
  /** One `reasons` field per ticked checkbox. */
  reasons: string[];
};

function formFields(text: string): FormFields {
  const params = new URLSearchParams(text);
  const fields: FormFields = { reasons: params.getAll('reasons') };
  for (const name of FORM_FIELDS) {
    if (name === 'reasons') continue;
    const value = params.get(name);
    if (value !== null) fields[name] = value;
  }
  return fields;
}

/**
 * The page the form was on, for the error pages' link back: only when its origin is one a service
 * allows, so that the collector never shows a link to a page it does not know.
 */
async function backLink(c: Context, origins: ServiceDirectory): Promise<string | undefined> {
  const referer = c.req.header('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return (await origins.allowedOrigins()).has(url.origin) ? url.href : undefined;
  } catch {
    // Unparseable, or the database is away (the 503 page): the page says "use Back" instead.
    return undefined;
  }
}

/** The path of the page the form was on, from the Referer when the browser sent one. */
function pagePathOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).pathname;
  } catch {
    return undefined;
  }
}

/**
 * The collector's thank-you page for this submission, in its language: the citizen is never
 * redirected to another site. It links back to the page the form was on when the service allows
 * that page's origin (checked again when the thank-you page is shown), else to the service's site.
 */
function thankYouAddress(
  publicUrl: string | undefined,
  service: ServiceRecord,
  lang: string,
  referer: string | undefined,
): string {
  const query = new URLSearchParams({ lang });
  const back = returnAddress(referer, service);
  if (back) query.set('terug', back);
  return `${publicUrl ?? ''}${thankYouPath(service.id)}?${query}`;
}

const FORM_STATUSES = new Set<number>([400, 403, 404, 409, 413, 415, 429, 503]);

/** A problem as the form's error page knows it; any other problem is not the form's to show. */
function formRefusal(problem: ProblemError): FormRefusal | undefined {
  if (!FORM_STATUSES.has(problem.status)) return undefined;
  const retryAfter = problem.headers['retry-after'];
  return {
    status: problem.status as FormRefusal['status'],
    errors: problem.errors,
    ...(retryAfter === undefined ? {} : { retryAfterSeconds: Number(retryAfter) }),
  };
}

/** POST /feedback/form: 303 to the collector's thank-you page, or a page saying what went wrong. */
export function formSubmission(context: Ingest) {
  const { config, origins } = context;

  return async (c: Context) => {
    // A page with Referrer-Policy no-referrer (the collector's own hosted page, many sites) sends
    // `Origin: null` with a form: it names no site, so it is taken as none (the per-client limit
    // still applies). An Origin that names a site the service does not allow stays 403.
    c.set(OPAQUE_ORIGIN_AS_NONE, true);
    // The submission's language once its body was read and is UTF-8; without a `lang` in the body
    // (not read, or none sent): ?lang=, Accept-Language, Dutch.
    const sent: { text?: string } = {};
    const language = () =>
      LanguageSchema.safeParse(sent.text === undefined ? undefined : formFields(sent.text).lang)
        .data ?? requestLanguage(c.req.query('lang'), c.req.header('accept-language'));
    // Every problem below (thrown here, or the database away) is answered by the app as this
    // page, in the submission's language; a 429 and a 503 keep their Retry-After.
    renderProblemsAs(c, async (c, problem) => {
      const refusal = formRefusal(problem);
      if (!refusal) return undefined;
      for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
      const page = formErrorPage(language(), refusal, await backLink(c, origins));
      return c.html(page, refusal.status as ContentfulStatusCode);
    });

    const bytes = await readBodyBytes(c, {
      accept: ['application/x-www-form-urlencoded'],
      ...INGEST_BODY,
    });
    sent.text = decodeUtf8(bytes);
    await limitRate(c, config, context.submissions);
    const form = formFields(bodyText(bytes));
    const lang = language();
    const accepted = await acceptSubmission(
      c,
      context,
      {
        ...form,
        id: form.id || randomUUID(),
        // An unchecked radio group sends nothing; a number that is not one stays invalid.
        rating: form.rating === undefined || form.rating === '' ? undefined : Number(form.rating),
        comment: form.comment || undefined,
        outcome: form.outcome || undefined,
        step: form.step || undefined,
        page: form.page || pagePathOf(c.req.header('referer')),
        channel: form.channel || undefined,
        // No ticked box sends no field: no reasons.
        reasons: form.reasons.length === 0 ? undefined : form.reasons,
        lang,
      },
      false,
    );
    // 303: a reload of the thank-you page does not post the form again.
    return c.redirect(
      thankYouAddress(config.publicUrl, accepted.service, lang, c.req.header('referer')),
      303,
    );
  };
}
