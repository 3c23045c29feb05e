// The English strings of acting on the feedback: improvement actions, explanations of the figures
// and handing in the annual report.
import type { ActingMessages } from './nl.ts';

export const acting: ActingMessages = {
  notAccepted: 'This was not accepted. Change it and try again:',
  notSaved: 'Not saved.',
  saving: 'Saving…',
  notRequired: '(optional)',
  reload: 'Load again',

  actionsHeading: 'What we are improving',
  actionsIntro:
    'What you change because of the feedback. The actions are also in the annual report, so the steering committee sees what you do with the feedback.',
  actionsLoading: 'Loading the actions…',
  actionsEmpty: 'No actions for this service yet. Add the first one below.',
  actionsListHeading: 'Your actions',
  actionStatuses: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done' },
  actionStatus: 'Status',
  actionOf: (title: string) => `of “${title}”`,
  actionPlannedOn: 'Planned for',
  actionDoneOn: 'Done on',
  actionPublic: 'Public',
  actionPublicYes: 'Yes: on /transparantie once the action is done',
  actionPublicNo: 'No, only in the annual report',
  actionThemes: 'Themes',
  actionDelete: 'Delete',
  actionDeleteQuestion: (title: string) =>
    `Do you want to delete the action “${title}”? This cannot be undone.`,
  actionDeleteYes: 'Yes, delete',
  actionDeleteNo: 'No, keep it',
  actionDeleted: (title: string) => `The action “${title}” was deleted.`,
  actionStatusChanged: (title: string, status: string) =>
    `The status of “${title}” is now: ${status}.`,
  actionAddHeading: 'Add an action',
  actionTitle: 'What are you improving?',
  actionTitleHint: 'Short and concrete, for example: “The form now has two steps instead of five.”',
  actionDescription: 'More explanation',
  actionPublicLabel: 'Show this action publicly once it is done',
  actionPublicHint:
    'A public action with the status Done appears on /transparantie as “Thanks to your feedback …”. Then write nothing that is meant for internal use only.',
  actionThemesLegend: 'Which themes led to it?',
  actionThemesHint: 'The themes in the comments of this period.',
  actionAdd: 'Add the action',
  actionAdded: (title: string) => `The action “${title}” was added.`,
  actionTitleMissing: 'Give the action a title.',
  actionTitleTooLong: 'Shorten the title to at most 200 characters.',
  actionDescriptionTooLong: 'Shorten the explanation to at most 2,000 characters.',

  explanationServiceHeading: (year: string) => `Explanation of the ${year} figures`,
  explanationOrganisationHeading: (year: string) => `Your organisation’s explanation for ${year}`,
  explanationServiceIntro:
    'Explain what lies behind the figures, for example a new website, a busy period or a new rule. The explanation appears with this service in the annual report.',
  explanationOrganisationIntro:
    'What the steering committee should know about your organisation as a whole. This explanation opens your organisation’s annual report.',
  explanationLabel: 'Explanation',
  explanationLimit: (max: string) => `You can enter up to ${max} characters.`,
  explanationLeft: (count: number, shown: string) =>
    count === 1 ? '1 character left.' : `${shown} characters left.`,
  explanationOver: (count: number, shown: string) =>
    count === 1 ? '1 character too many.' : `${shown} characters too many.`,
  explanationTooLong: (max: string) => `Shorten the explanation to at most ${max} characters.`,
  explanationLoading: 'Loading the explanation…',
  explanationNone: 'There is no explanation for this year yet.',
  explanationLastSaved: (who: string, when: string) => `Last saved by ${who} on ${when}.`,
  explanationSave: 'Save the explanation',
  explanationSaved: 'The explanation was saved.',
  explanationRemoved: 'The explanation was removed.',
  explanationRemoveHint: 'Empty the field and save to remove the explanation.',

  handInHeading: 'Hand in the annual report',
  handInIntro:
    'Handing in records your organisation’s annual report as it is now, with the explanations and actions. Feedback that arrives later does not change that version. If you change something afterwards, hand it in again: a new version is added, and the steering committee sees the newest.',
  handInYear: 'Year',
  handInDeadline: (day: string) => `To be handed in by ${day}.`,
  handInSubmit: (year: string) => `Hand in the ${year} annual report`,
  handInSubmitAgain: (year: string) => `Hand in the ${year} annual report again`,
  handInSubmitting: 'Recording the annual report…',
  handInSubmitted: (version: string, year: string) =>
    `Version ${version} of the ${year} annual report was handed in.`,
  handInFailed: 'The annual report was not handed in.',
  handInLoading: 'Loading the versions handed in…',
  handInVersionsHeading: 'Versions handed in',
  handInNone: (year: string) => `You have not handed in the ${year} annual report yet.`,
  handInVersion: (version: string) => `Version ${version}`,
  handInAt: 'Handed in on',
  handInBy: 'By',
  handInFingerprint: 'Fingerprint (SHA-256)',
  handInFingerprintFull: 'Full fingerprint',
  handInFingerprintHint:
    'The fingerprint is that of the JSON file: anyone can check with it that a file is exactly this version.',
  handInDownloadHtml: 'Download HTML',
  handInDownloadJson: 'Download JSON',
  handInOfVersion: (version: string) => `of version ${version}`,
  handInOverviewHeading: 'Annual reports handed in',
  handInOverviewIntro:
    'Per year, which organisations handed in their annual report. Late: the first version came after the deadline.',
  handInOverviewYear: (year: string) => `Annual report ${year}`,
  handInCaption: (year: string) => `Annual report ${year} per organisation`,
  handInCount: (count: number, submitted: string, total: string) =>
    `${submitted} of the ${total} organisations ${count === 1 ? 'has' : 'have'} handed in.`,
  handInOrganisation: 'Organisation',
  handInStatus: 'Status',
  handInStatuses: { submitted: 'Handed in', late: 'Late', missing: 'Missing' },
  handInNewest: 'Newest version',
  handInFirstAt: 'First handed in on',
  handInReport: 'Annual report',
  handInOf: (organisation: string) => `of ${organisation}`,
  handInNoOrganisations: 'There are no organisations yet.',
};
