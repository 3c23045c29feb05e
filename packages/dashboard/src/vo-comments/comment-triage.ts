import type { ReactiveControllerHost } from 'lit';
import type { FeedbackItem } from '@vo-feedback/shared';
import { ApiError, mapLimited } from '../api.ts';
import type { DashboardContext } from '../context.ts';
import { failureMessage } from '../errors.ts';
import { emit } from '../events.ts';
import type { Messages } from '../i18n/catalogs.ts';
import { changeFor, cleanTag, isTriageStatus, MIN_REDACT, type BulkAction } from '../triage.ts';

/** The tools under one comment, one open at a time on the whole list. */
export type Tool = 'note' | 'redact' | 'erase';

/** PATCH requests in flight at once when acting on a selection. */
const CONCURRENCY = 4;

/** The element the triage works in, <vo-comments>: it renders what the triage holds. */
export type TriageHost = ReactiveControllerHost &
  HTMLElement & {
    readonly context: DashboardContext;
    readonly serviceId: string;
    readonly renderRoot: HTMLElement | DocumentFragment;
  };

/** What the triage needs from the list of comments it works on. */
export interface CommentList {
  /** The comments shown, newest first. */
  items(): readonly FeedbackItem[];
  /** Shows `items` instead: the collector's answers put in place, or a comment taken out. */
  show(items: FeedbackItem[]): void;
  /** Announces `message` in the status region; `failed` shows it as an error. */
  say(message: string, failed?: boolean): void;
  /** A tag was added to comments: from now on it can be filtered on and is suggested. */
  tagAdded(tag: string): void;
}

/** What the triage shows: read by the action bar and the comments, changed only here. */
export interface TriageState {
  /** The ids of the selected comments (only comments shown). */
  selected: ReadonlySet<string>;
  /** A change is being sent: the action buttons wait. */
  busy: boolean;
  /** The one tool open under a comment, if any. */
  open: { id: string; tool: Tool } | undefined;
  /** What is wrong in the open tool, shown beside its field. */
  toolError: string;
  /** What is wrong with the tag typed in the action bar. */
  tagError: string;
}

/** What to tell the user about a change that failed: what happened and what to do. */
export function triageFailure(t: Messages, error: unknown): string {
  if (error instanceof ApiError && error.kind === 'not-found') return t.triageGone;
  // 400 and 422: the collector refused the change itself (the period hint does not apply).
  if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
    return t.triageRefused;
  }
  return failureMessage(t, error);
}

/**
 * The provider's work on the comments shown: which are selected, and the changes made to them —
 * a status, a tag added or taken away on every selected comment (from the action bar), and under
 * one comment its internal note, removing a piece of its text, or erasing the whole answer. One
 * change is sent at a time. The state lives here and asks the element to re-render when it
 * changes; the element renders it (`triage-bar.ts`, `comment-item.ts`) and resets it when it reads
 * another list.
 */
export class CommentTriage {
  #state: TriageState = {
    selected: new Set(),
    busy: false,
    open: undefined,
    toolError: '',
    tagError: '',
  };

  constructor(
    private readonly host: TriageHost,
    private readonly list: CommentList,
  ) {}

  get state(): Readonly<TriageState> {
    return this.#state;
  }

  #set(changes: Partial<TriageState>) {
    this.#state = { ...this.#state, ...changes };
    this.host.requestUpdate();
  }

  /** Another list is read: nothing selected, no tool open. */
  reset() {
    this.#set({ selected: new Set(), open: undefined });
  }

  // Selection and the action bar

  select(id: string, on: boolean) {
    const selected = new Set(this.#state.selected);
    if (on) selected.add(id);
    else selected.delete(id);
    this.#set({ selected });
  }

  selectAll(on: boolean) {
    this.#set({ selected: new Set(on ? this.list.items().map((item) => item.id) : []) });
  }

  /** The selected comments, in the order shown. */
  chosen(): FeedbackItem[] {
    return this.list.items().filter((item) => this.#state.selected.has(item.id));
  }

  readonly onStatus = (event: SubmitEvent) => {
    event.preventDefault();
    const status = new FormData(event.target as HTMLFormElement).get('status');
    if (isTriageStatus(status)) void this.#bulk({ kind: 'status', status });
  };

  readonly onAddTag = (event: SubmitEvent) => {
    event.preventDefault();
    if (this.#state.busy) return;
    const { t } = this.host.context;
    if (this.#state.selected.size === 0) return this.list.say(t.triageSelectFirst, true);
    const input = (event.target as HTMLFormElement).elements.namedItem('tag') as HTMLInputElement;
    const tag = cleanTag(input.value);
    if (tag === undefined) {
      this.#set({ tagError: t.triageTagInvalid });
      input.focus();
      return;
    }
    this.#set({ tagError: '' });
    void this.#bulk({ kind: 'add-tag', tag }).then((allDone) => {
      if (allDone) input.value = '';
    });
  };

  readonly onRemoveTag = (event: SubmitEvent) => {
    event.preventDefault();
    const tag = new FormData(event.target as HTMLFormElement).get('tag');
    if (typeof tag === 'string' && tag !== '') return void this.#bulk({ kind: 'remove-tag', tag });
    if (this.#state.busy) return;
    const { t } = this.host.context;
    this.list.say(
      this.#state.selected.size === 0 ? t.triageSelectFirst : t.triageNoTagsSelected,
      true,
    );
  };

  /**
   * Applies `action` to every selected comment: one PATCH each, a few at a time, and one
   * announcement of what changed and what did not. The selection stays, so that a failure can be
   * tried again and a second action follow the first. Resolves true when every comment changed.
   */
  async #bulk(action: BulkAction): Promise<boolean> {
    const { t, f, api } = this.host.context;
    if (this.#state.busy) return false;
    const chosen = this.chosen();
    if (chosen.length === 0) {
      this.list.say(t.triageSelectFirst, true);
      return false;
    }
    this.#set({ busy: true });
    this.list.say(t.triageWorking);
    const serviceId = this.host.serviceId;
    const results = await mapLimited(
      chosen,
      CONCURRENCY,
      async (item): Promise<{ item: FeedbackItem; failure?: string }> => {
        const change = changeFor(item, action);
        if (change === null) return { item };
        if (change === 'too-many-tags') return { item, failure: t.triageTooManyTags };
        try {
          return { item: await api.triage(serviceId, item.id, change) };
        } catch (error) {
          return { item, failure: triageFailure(t, error) };
        }
      },
    );
    this.#set({ busy: false });
    const changed = new Map(
      results.filter((result) => result.failure === undefined).map(({ item }) => [item.id, item]),
    );
    this.list.show(this.list.items().map((item) => changed.get(item.id) ?? item));
    if (action.kind === 'add-tag' && changed.size > 0) this.list.tagAdded(action.tag);
    const failures = [
      ...new Set(results.flatMap(({ failure }) => (failure === undefined ? [] : [failure]))),
    ];
    const failed = results.length - changed.size;
    const parts = changed.size > 0 ? [t.triageUpdated(changed.size, f.integer(changed.size))] : [];
    if (failed > 0) {
      parts.push(t.triageNotUpdated(failed, f.integer(failed)), ...failures, t.triageKeptSelected);
    }
    this.list.say(parts.join(' '), failed > 0);
    return failed === 0;
  }

  // The tools under a comment

  #toolButton(id: string, tool: Tool): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(
      `li[data-id="${CSS.escape(id)}"] button[data-tool="${tool}"]`,
    );
  }

  async toggleTool(item: FeedbackItem, tool: Tool) {
    const { open } = this.#state;
    if (open?.id === item.id && open.tool === tool) return this.closeTool();
    this.#set({ open: { id: item.id, tool }, toolError: '' });
    await this.host.updateComplete;
    this.host.renderRoot
      .querySelector<HTMLElement>(
        '[data-tool-panel][data-autofocus], [data-tool-panel] [data-autofocus]',
      )
      ?.focus();
  }

  /** Closes the open tool and gives focus back to the button that opened it. */
  async closeTool() {
    const { open } = this.#state;
    if (!open) return;
    this.#set({ open: undefined, toolError: '' });
    await this.host.updateComplete;
    this.#toolButton(open.id, open.tool)?.focus();
  }

  readonly onToolKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.closeTool();
    }
  };

  /** Puts the collector's answer for one comment in the list. */
  #replace(changed: FeedbackItem) {
    this.list.show(this.list.items().map((item) => (item.id === changed.id ? changed : item)));
  }

  /** A tool failed: the reason beside its field and in the status region; focus to `field`. */
  #toolFailed(message: string, field?: HTMLElement | null) {
    this.#set({ toolError: message });
    this.list.say(message, true);
    field?.focus();
  }

  async saveNote(item: FeedbackItem, event: SubmitEvent) {
    event.preventDefault();
    if (this.#state.busy) return;
    const { t, api } = this.host.context;
    const field = (event.target as HTMLFormElement).elements.namedItem(
      'note',
    ) as HTMLTextAreaElement;
    const note = field.value.trim() === '' ? null : field.value.trim();
    this.#set({ busy: true });
    this.list.say(t.triageWorking);
    try {
      this.#replace(await api.triage(this.host.serviceId, item.id, { note }));
      this.#set({ busy: false });
      this.list.say(note === null ? t.triageNoteCleared : t.triageNoteSaved);
      await this.closeTool();
    } catch (error) {
      this.#set({ busy: false });
      this.#toolFailed(`${t.triageNoteFailed} ${triageFailure(t, error)}`, field);
    }
  }

  async redact(item: FeedbackItem, event: SubmitEvent) {
    event.preventDefault();
    if (this.#state.busy) return;
    const { t, api } = this.host.context;
    const field = (event.target as HTMLFormElement).elements.namedItem('text') as HTMLInputElement;
    // Spaces copied around the text are left in the comment; spaces inside it are part of it.
    const trimmed = field.value.trim();
    const text = item.comment.includes(trimmed) || trimmed === '' ? trimmed : field.value;
    if (text.length < MIN_REDACT) return this.#toolFailed(t.triageRedactTooShort, field);
    if (!item.comment.includes(text)) return this.#toolFailed(t.triageRedactNotFound, field);
    this.#set({ busy: true });
    this.list.say(t.triageWorking);
    try {
      this.#replace(await api.redact(this.host.serviceId, item.id, text));
      this.#set({ busy: false });
      this.list.say(t.triageRedacted);
      await this.closeTool();
    } catch (error) {
      this.#set({ busy: false });
      // The collector compares as it stored the comment: 422 when the text is not there.
      const absent = error instanceof ApiError && error.status === 422;
      this.#toolFailed(
        absent ? t.triageRedactNotFound : `${t.triageRedactFailed} ${triageFailure(t, error)}`,
        field,
      );
    }
  }

  async erase(item: FeedbackItem) {
    if (this.#state.busy) return;
    const { t, api } = this.host.context;
    this.#set({ busy: true });
    this.list.say(t.triageWorking);
    try {
      await api.erase(this.host.serviceId, item.id);
    } catch (error) {
      this.#set({ busy: false });
      this.#toolFailed(`${t.triageEraseFailed} ${triageFailure(t, error)}`);
      return;
    }
    this.#set({ busy: false });
    const index = this.list.items().findIndex((shown) => shown.id === item.id);
    this.list.show(this.list.items().filter((shown) => shown.id !== item.id));
    this.select(item.id, false);
    this.#set({ open: undefined, toolError: '' });
    this.list.say(t.triageErased);
    emit(this.host, 'vo-feedback-erased', { serviceId: this.host.serviceId, feedbackId: item.id });
    // Focus goes to the comment that took its place, or the one before, or the heading.
    await this.host.updateComplete;
    const items = this.list.items();
    const next = items[Math.min(index, items.length - 1)];
    const target = next
      ? this.host.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(next.id)}"]`)
      : this.host.renderRoot.querySelector<HTMLElement>('h2');
    target?.focus();
  }
}
