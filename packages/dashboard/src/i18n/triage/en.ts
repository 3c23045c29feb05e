// The English strings of the triage of comments: their status, tags and internal note, the action
// bar, removing a piece of text and erasing an answer.
import type { TriageMessages } from './nl.ts';

export const triage: TriageMessages = {
  triageStatusLabel: 'Status',
  triageStatuses: {
    new: 'New',
    read: 'Read',
    'in-progress': 'In progress',
    done: 'Done',
    archived: 'Archived',
  },
  triageAllStatuses: 'All statuses',
  triageTagLabel: 'Tag',
  triageAllTags: 'All tags',
  triageTags: 'Tags',
  triageNoteLabel: 'Internal note',
  triageNoteHint:
    'Only for your organisation: the steering committee and the public never see it. Empty the box to remove the note.',
  triageOfComment: (date: string, words: string) => `the comment of ${date}: “${words}”`,
  triageSelect: 'Select',
  triageSelectAll: 'Select all comments shown',
  triageBarLegend: 'Change the selected comments',
  triageSelected: (n: number, count: string) =>
    n === 0
      ? 'No comment selected.'
      : n === 1
        ? '1 comment selected.'
        : `${count} comments selected.`,
  triageSelectFirst: 'First select one or more comments with the boxes in the list.',
  triageNewStatus: 'New status',
  triageSetStatus: 'Change status',
  triageTagToAdd: 'Tag to add',
  triageTagHint: 'Choose an existing tag or type a new one, of at most 40 characters.',
  triageAddTag: 'Add tag',
  triageTagToRemove: 'Tag to remove',
  triageRemoveTag: 'Remove tag',
  triageNoTagsSelected: 'The selected comments have no tags.',
  triageTagInvalid: 'Type a tag of 1 to 40 characters.',
  triageWorking: 'Updating…',
  triageUpdated: (n: number, count: string) =>
    n === 1 ? '1 comment updated.' : `${count} comments updated.`,
  triageNotUpdated: (n: number, count: string) =>
    n === 1 ? '1 comment could not be updated.' : `${count} comments could not be updated.`,
  triageTooManyTags: 'A comment can have at most 10 tags: remove one first.',
  triageKeptSelected: 'The selection stays: please try again.',
  triageGone:
    'Someone else removed this comment in the meantime. Apply the filter again to refresh the list.',
  triageRefused:
    'The change was refused. Reload the page and try again; if it still fails, tell your administrator.',
  triageNote: 'Note',
  triageNoteSave: 'Save note',
  triageCancel: 'Cancel',
  triageNoteSaved: 'The note was saved.',
  triageNoteCleared: 'The note was removed.',
  triageNoteFailed: 'The note could not be saved.',
  triageRedact: 'Remove text',
  triageRedactLabel: 'Which text do you want to remove?',
  triageRedactHint:
    'Type or paste the text exactly as it appears in the comment, for example a name or a phone number. Everywhere it appears, [verwijderd] takes its place. This cannot be undone.',
  triageRedactSubmit: 'Remove this text',
  triageRedactTooShort: 'Type at least 2 characters.',
  triageRedactNotFound:
    'This text is not in the comment. Copy it exactly, with the same capitals, punctuation and spaces.',
  triageRedacted: 'The text was replaced by [verwijderd].',
  triageRedactFailed: 'The text could not be removed.',
  triageErase: 'Delete',
  triageEraseQuestion: 'Delete this response completely?',
  triageEraseWarning:
    'The rating and the comment disappear from this list, the exports and every figure, the annual report included. This cannot be undone.',
  triageEraseConfirm: 'Yes, delete for good',
  triageErased: 'The response was deleted, from every figure too.',
  triageEraseFailed: 'The response could not be deleted.',
};
