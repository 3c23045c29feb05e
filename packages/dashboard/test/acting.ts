// The acting elements' part of the API fake (improvement actions, explanations, hand-in), and
// their fixture data: answers shaped by the shared contract, each parsed through its zod schema so
// that a fixture that drifts from what the collector answers fails here.
import {
  ActionSchema,
  ExplanationSchema,
  ReportSubmissionSchema,
  ReportSubmissionsSchema,
  type Action,
  type ActionChange,
  type ActionList,
  type Explanation,
  type HandInRow,
  type ReportSubmission,
  type ReportSubmissions,
} from '@vo-feedback/shared';
import { DashboardApi, type ActionDraft, type ExplanationScope } from '../src/api.ts';

/** What the fake answers to the acting methods; a throwing answer is a failed request. */
export interface ActingAnswers {
  actions(serviceId: string): ActionList | Promise<ActionList>;
  createAction(serviceId: string, draft: ActionDraft): Action | Promise<Action>;
  changeAction(serviceId: string, actionId: string, change: ActionChange): Action | Promise<Action>;
  deleteAction(serviceId: string, actionId: string): void | Promise<void>;
  explanation(
    scope: ExplanationScope,
    subjectId: string,
    year: number,
  ): Explanation | Promise<Explanation>;
  saveExplanation(
    scope: ExplanationScope,
    subjectId: string,
    year: number,
    text: string,
  ): Explanation | Promise<Explanation>;
  submissions(year: number): ReportSubmissions | Promise<ReportSubmissions>;
  submitReport(year: number): ReportSubmission | Promise<ReportSubmission>;
}

/** Records a call of `method` and answers it from the fixtures (an aborted call rejects). */
export type Answerer = <M extends keyof ActingAnswers>(
  method: M,
  args: Parameters<ActingAnswers[M]>,
  signal: AbortSignal | undefined,
) => Promise<Awaited<ReturnType<ActingAnswers[M]>>>;

/**
 * The acting methods of the API's fake: `FakeApi` (fake-api.ts) extends this class and gives it
 * `answerFor`, so that these calls are recorded and answered like every other.
 */
export abstract class ActingFakeApi extends DashboardApi {
  protected abstract answerFor: Answerer;

  override actions(serviceId: string, signal?: AbortSignal) {
    return this.answerFor('actions', [serviceId], signal);
  }

  override createAction(serviceId: string, draft: ActionDraft) {
    return this.answerFor('createAction', [serviceId, draft], undefined);
  }

  override changeAction(serviceId: string, actionId: string, change: ActionChange) {
    return this.answerFor('changeAction', [serviceId, actionId, change], undefined);
  }

  override deleteAction(serviceId: string, actionId: string) {
    return this.answerFor('deleteAction', [serviceId, actionId], undefined);
  }

  override explanation(
    scope: ExplanationScope,
    subjectId: string,
    year: number,
    signal?: AbortSignal,
  ) {
    return this.answerFor('explanation', [scope, subjectId, year], signal);
  }

  override saveExplanation(scope: ExplanationScope, subjectId: string, year: number, text: string) {
    return this.answerFor('saveExplanation', [scope, subjectId, year, text], undefined);
  }

  override submissions(year: number, signal?: AbortSignal) {
    return this.answerFor('submissions', [year], signal);
  }

  override submitReport(year: number) {
    return this.answerFor('submitReport', [year], undefined);
  }
}

let nextAction = 0;

/** An improvement action of the service omgevingsloket: planned, not public, by default. */
export function action(title: string, overrides: Partial<Action> = {}): Action {
  const n = nextAction++;
  return ActionSchema.parse({
    id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    serviceId: 'omgevingsloket',
    title,
    description: null,
    status: 'planned',
    public: false,
    themes: [],
    feedbackIds: [],
    plannedOn: null,
    doneOn: null,
    createdAt: '2026-03-02T09:30:00.000Z',
    updatedAt: '2026-03-02T09:30:00.000Z',
    ...overrides,
  });
}

/** An explanation: none yet (empty text) unless told otherwise. */
export function explanation(overrides: Partial<Explanation> = {}): Explanation {
  return ExplanationSchema.parse({
    scope: 'service',
    subjectId: 'omgevingsloket',
    year: 2026,
    text: '',
    updatedAt: null,
    updatedBy: null,
    ...overrides,
  });
}

/** The SHA-256 of nothing: the tail of every fixture version's fingerprint. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A frozen version of org-a's annual report; its SHA-256 tells the versions apart. */
export function submission(version: number, overrides: Partial<ReportSubmission> = {}) {
  return ReportSubmissionSchema.parse({
    organisationId: 'org-a',
    year: 2025,
    version,
    submittedAt: '2026-03-10T09:00:00.000Z',
    sha256: `${String(version).padStart(4, '0')}${EMPTY_SHA256.slice(4)}`,
    submittedBy: 'An Peeters',
    ...overrides,
  });
}

/** A year's answer of the submissions route: a provider's versions or steering's rows. */
export function submissions(
  year: number,
  {
    versions = [],
    organisations = [],
  }: { versions?: ReportSubmission[]; organisations?: HandInRow[] },
): ReportSubmissions {
  return ReportSubmissionsSchema.parse({
    year,
    deadline: `${year + 1}-03-31`,
    versions,
    organisations,
  });
}
