// The English strings of "Organisatie beheren" (managing the organisation).
import type { ManageMessages } from './nl.ts';

export const manage: ManageMessages = {
  navManage: 'Manage organisation',
  manageHeading: 'Manage organisation',
  manageIntro: (organisation: string) =>
    `You are a manager of ${organisation}: here you manage your organisation’s services, people and tokens.`,
  manageYourOrganisation: 'your organisation',
  manageWebhooksPrefix: 'You manage your organisation’s webhooks under',
  manageNotManager:
    'Only a manager of the organisation can manage its services, people and tokens. Ask your organisation’s manager.',

  servicesSettingsHeading: 'Services',
  servicesSettingsIntro:
    'Which websites a service accepts feedback from, where citizens find help and which reasons the widget offers after a low score.',
  servicesSettingsLoading: 'Loading the services…',
  servicesSettingsEmpty: 'Your organisation has no services yet. Add the first one below.',
  serviceIdTerm: 'Id (the widget’s service-id)',
  serviceStatusTerm: 'Status',
  serviceActive: 'Active',
  serviceInactive: 'Inactive: accepts no feedback',
  serviceOriginsTerm: 'Allowed websites',
  serviceNoOrigins:
    'None: the widget on a website is refused; the collector’s feedback page does work',
  serviceHelpTerm: 'Help for citizens',
  serviceHelpDefault: 'Default: the Flemish info line 1700',
  serviceReasonsTerm: 'Reasons after a low score',
  serviceReasonsDefault: 'The default list',
  serviceEdit: 'Change settings',
  serviceEditHeading: (name: string) => `Settings of ${name}`,
  serviceOrigins: 'Allowed websites',
  serviceOriginsHint:
    'One per line, without a path, for example https://www.gent.be. Only pages of these websites can send feedback for this service.',
  serviceOriginInvalid: (line: string) =>
    `“${line}” is not a website. Write them as https://www.gent.be: the scheme and the host, perhaps a port, without a path.`,
  serviceHelpUrl: 'Help page',
  serviceHelpUrlHint:
    'An https address or a tel: link, for example https://www.gent.be/contact or tel:09 210 10 10. Empty: the Flemish info line 1700.',
  serviceHelpUrlInvalid:
    'Enter an https address (https://www.gent.be/contact) or a tel: link (tel:1700), or leave the field empty.',
  serviceReasonsLegend: 'Reasons after a low score',
  serviceReasonsDefaultChoice: 'The default list',
  serviceReasonsOwnChoice: 'A list of its own (1 to 6 reasons)',
  serviceReasonsHint:
    'Citizens who give 1 to 3 can tick what went wrong. Each reason has a code for the reports and a text in each language of the widget.',
  reasonLegend: (n: number) => `Reason ${n}`,
  reasonCode: 'Code',
  reasonCodeHint: 'Lowercase letters, digits and -, for example too-slow.',
  reasonLabel: (language: string) => `Text (${language})`,
  reasonRemove: 'Remove',
  reasonAdd: 'Add a reason',
  reasonAdded: (n: number) => `Reason ${n} is added.`,
  reasonRemoved: (n: number) => `Reason ${n} is removed.`,
  reasonsInvalid:
    'Give each reason a code of lowercase letters, digits or - (each code once) and a text in each language.',
  serviceSave: 'Save',
  serviceCancel: 'Cancel',
  serviceSaved: (name: string) => `The settings of ${name} are saved.`,
  serviceUnchanged: (name: string) => `Nothing changed for ${name}.`,

  serviceAddHeading: 'Add a service',
  serviceName: 'Name',
  serviceNameMissing: 'Enter the service’s name, for example Apply for a parking permit.',
  serviceNewId: 'Id',
  serviceNewIdHint:
    '2 to 64 lowercase letters, digits or -, for example parking-permit. It goes in the widget’s service-id attribute and cannot change later.',
  serviceIdInvalid:
    'Enter an id of 2 to 64 lowercase letters, digits or -, starting and ending with a letter or digit.',
  serviceAdd: 'Add the service',
  serviceAdded: (name: string) => `The service ${name} is added.`,

  peopleHeading: 'People',
  peopleIntro:
    'Who signs in with a personal account. Register the e-mail address someone signs in with; their account is linked to it at the first sign-in.',
  peopleLoading: 'Loading the people…',
  peopleEmpty: 'Nobody is registered yet.',
  personRoles: { provider: 'Provider', manager: 'Manager', steering: 'Steering committee' },
  personRoleTerm: 'Role',
  personSignInTerm: 'Signed in',
  personNeverSignedIn: 'Never signed in',
  personSignedIn: 'Yes',
  personLastSignIn: (when: string) => `Last on ${when}`,
  personYou: '(you)',
  personRemove: 'Remove',
  personRemoveQuestion: (email: string) =>
    `Do you want to remove ${email}? They can no longer sign in, an open session ends at once, and the webhooks and tokens they created stop working.`,
  personRemoveYes: 'Yes, remove',
  personRemoveNo: 'No, keep',
  personRemoved: (email: string) => `${email} is removed.`,
  personAddHeading: 'Register someone',
  personEmail: 'E-mail address',
  personEmailHint: 'The address the person signs in with, for example an.peeters@gent.be.',
  personEmailMissing: 'Enter the e-mail address, for example an.peeters@gent.be.',
  personEmailInvalid:
    'Enter a complete e-mail address, with @ and a domain, for example an.peeters@gent.be.',
  personRoleLegend: 'Role',
  personRoleMissing: 'Choose a role.',
  personRoleHints: {
    provider: 'Sees the figures and comments of your organisation’s services and works with them.',
    manager: 'Also manages your organisation’s services, people, tokens and webhooks.',
  },
  personAdd: 'Register',
  personAdded: (email: string, role: string) => `${email} is registered as ${role}.`,

  tokensHeading: 'Tokens',
  tokensIntro:
    'A token gives a system access without a personal account: a report or script that reads figures, or a contact centre that sends feedback after a call.',
  tokensLoading: 'Loading the tokens…',
  tokensEmpty: 'Your organisation has no tokens yet.',
  tokenRoles: {
    provider: 'Read: figures and comments',
    ingest: 'Send feedback (contact centre)',
    steering: 'Steering committee',
  },
  tokenRoleTerm: 'Kind',
  tokenCreatedTerm: 'Created on',
  tokenStatusTerm: 'Status',
  tokenActive: 'Active',
  tokenRevokedOn: (when: string) => `Revoked on ${when}`,
  tokenRevoke: 'Revoke',
  tokenRevokeQuestion: (label: string) =>
    `Do you want to revoke the token “${label}”? Every system that uses it is refused at once. This cannot be undone.`,
  tokenRevokeYes: 'Yes, revoke',
  tokenRevokeNo: 'No, keep',
  tokenRevoked: (label: string) => `The token “${label}” is revoked.`,
  tokenAddHeading: 'Create a token',
  tokenNameLabel: 'Name',
  tokenNameHint: 'What or who it is for, for example reporting team environment.',
  tokenNameMissing: 'Give the token a name, for example reporting team environment.',
  tokenRoleLegend: 'What may the token do?',
  tokenRoleMissing: 'Choose what the token may do.',
  tokenRoleHints: {
    provider: 'Read the figures and comments of your organisation’s services, through the API.',
    ingest: 'Only send feedback for your organisation’s services, for example after a phone call.',
  },
  tokenAdd: 'Create the token',
  tokenAdded: (label: string) => `The token “${label}” is created. Copy it now.`,
  tokenSecretHeading: 'The new token',
  tokenSecretLabel: 'Token',
  tokenSecretNote:
    'This token is shown only once. Store it now in the system that uses it; whoever has it can use it.',
  tokenCopy: 'Copy the token',
  tokenCopied: 'The token is copied.',
  tokenCopyFailed: 'Copying failed. Select the token in the field and copy it yourself.',
  tokenSecretDone: 'I have stored the token',
};
