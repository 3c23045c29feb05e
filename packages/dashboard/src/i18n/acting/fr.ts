// The French strings of acting on the feedback: improvement actions, explanations of the figures
// and handing in the annual report.
import type { ActingMessages } from './nl.ts';

export const acting: ActingMessages = {
  notAccepted: 'Ceci n’a pas été accepté. Corrigez-le et réessayez :',
  notSaved: 'Non enregistré.',
  saving: 'Enregistrement…',
  notRequired: '(facultatif)',
  reload: 'Recharger',

  actionsHeading: 'Ce que nous améliorons',
  actionsIntro:
    'Ce que vous changez à la suite des avis. Les actions figurent aussi dans le rapport annuel : le comité de pilotage voit ce que vous faites des avis.',
  actionsLoading: 'Chargement des actions…',
  actionsEmpty: 'Pas encore d’action pour ce service. Ajoutez la première ci-dessous.',
  actionsListHeading: 'Vos actions',
  actionStatuses: { planned: 'Prévue', 'in-progress': 'En cours', done: 'Terminée' },
  actionStatus: 'Statut',
  actionOf: (title: string) => `de « ${title} »`,
  actionPlannedOn: 'Prévue pour le',
  actionDoneOn: 'Terminée le',
  actionPublic: 'Publique',
  actionPublicYes: 'Oui : sur /transparantie dès que l’action est terminée',
  actionPublicNo: 'Non, seulement dans le rapport annuel',
  actionThemes: 'Thèmes',
  actionDelete: 'Supprimer',
  actionDeleteQuestion: (title: string) =>
    `Voulez-vous supprimer l’action « ${title} » ? Cela ne peut pas être annulé.`,
  actionDeleteYes: 'Oui, supprimer',
  actionDeleteNo: 'Non, la garder',
  actionDeleted: (title: string) => `L’action « ${title} » a été supprimée.`,
  actionStatusChanged: (title: string, status: string) =>
    `Le statut de « ${title} » est maintenant : ${status}.`,
  actionAddHeading: 'Ajouter une action',
  actionTitle: 'Qu’améliorez-vous ?',
  actionTitleHint:
    'Court et concret, par exemple : « Le formulaire compte désormais deux étapes au lieu de cinq. »',
  actionDescription: 'Plus d’explications',
  actionPublicLabel: 'Montrer cette action publiquement dès qu’elle est terminée',
  actionPublicHint:
    'Une action publique au statut Terminée apparaît sur /transparantie sous « Grâce à vos avis … ». N’écrivez alors rien qui soit réservé à l’usage interne.',
  actionThemesLegend: 'À la suite de quels thèmes ?',
  actionThemesHint: 'Les thèmes des commentaires de cette période.',
  actionAdd: 'Ajouter l’action',
  actionAdded: (title: string) => `L’action « ${title} » a été ajoutée.`,
  actionTitleMissing: 'Donnez un titre à l’action.',
  actionTitleTooLong: 'Raccourcissez le titre à 200 caractères au plus.',
  actionDescriptionTooLong: 'Raccourcissez les explications à 2 000 caractères au plus.',

  explanationServiceHeading: (year: string) => `Explication des chiffres de ${year}`,
  explanationOrganisationHeading: (year: string) =>
    `Explication de votre organisation pour ${year}`,
  explanationServiceIntro:
    'Expliquez ce qui se cache derrière les chiffres, par exemple un nouveau site web, une période chargée ou une nouvelle règle. L’explication figure avec ce service dans le rapport annuel.',
  explanationOrganisationIntro:
    'Ce que le comité de pilotage doit savoir de votre organisation dans son ensemble. Cette explication ouvre le rapport annuel de votre organisation.',
  explanationLabel: 'Explication',
  explanationLimit: (max: string) => `Vous pouvez saisir jusqu’à ${max} caractères.`,
  explanationLeft: (count: number, shown: string) =>
    count === 1 ? 'Encore 1 caractère.' : `Encore ${shown} caractères.`,
  explanationOver: (count: number, shown: string) =>
    count === 1 ? '1 caractère de trop.' : `${shown} caractères de trop.`,
  explanationTooLong: (max: string) => `Raccourcissez l’explication à ${max} caractères au plus.`,
  explanationLoading: 'Chargement de l’explication…',
  explanationNone: 'Il n’y a pas encore d’explication pour cette année.',
  explanationLastSaved: (who: string, when: string) =>
    `Enregistrée en dernier par ${who} le ${when}.`,
  explanationSave: 'Enregistrer l’explication',
  explanationSaved: 'L’explication a été enregistrée.',
  explanationRemoved: 'L’explication a été supprimée.',
  explanationRemoveHint: 'Videz le champ et enregistrez pour supprimer l’explication.',

  handInHeading: 'Remettre le rapport annuel',
  handInIntro:
    'Remettre fige le rapport annuel de votre organisation tel qu’il est maintenant, avec les explications et les actions. Les avis qui arrivent ensuite ne changent pas cette version. Si vous modifiez encore quelque chose, remettez-le à nouveau : une nouvelle version s’ajoute, et le comité de pilotage voit la plus récente.',
  handInYear: 'Année',
  handInDeadline: (day: string) => `À remettre au plus tard le ${day}.`,
  handInSubmit: (year: string) => `Remettre le rapport annuel ${year}`,
  handInSubmitAgain: (year: string) => `Remettre à nouveau le rapport annuel ${year}`,
  handInSubmitting: 'Le rapport annuel est figé…',
  handInSubmitted: (version: string, year: string) =>
    `La version ${version} du rapport annuel ${year} a été remise.`,
  handInFailed: 'Le rapport annuel n’a pas été remis.',
  handInLoading: 'Chargement des versions remises…',
  handInVersionsHeading: 'Versions remises',
  handInNone: (year: string) => `Vous n’avez pas encore remis le rapport annuel ${year}.`,
  handInVersion: (version: string) => `Version ${version}`,
  handInAt: 'Remise le',
  handInBy: 'Par',
  handInFingerprint: 'Empreinte (SHA-256)',
  handInFingerprintFull: 'Empreinte complète',
  handInFingerprintHint:
    'L’empreinte est celle du fichier JSON : chacun peut vérifier avec elle qu’un fichier est exactement cette version.',
  handInDownloadHtml: 'Télécharger en HTML',
  handInDownloadJson: 'Télécharger en JSON',
  handInOfVersion: (version: string) => `de la version ${version}`,
  handInOverviewHeading: 'Rapports annuels remis',
  handInOverviewIntro:
    'Par année, les organisations qui ont remis leur rapport annuel. En retard : la première version est arrivée après la date limite.',
  handInOverviewYear: (year: string) => `Rapport annuel ${year}`,
  handInCaption: (year: string) => `Rapport annuel ${year} par organisation`,
  /** French counts 0 and 1 in the singular. */
  handInCount: (count: number, submitted: string, total: string) =>
    count < 2
      ? `${submitted} des ${total} organisations a remis son rapport.`
      : `${submitted} des ${total} organisations ont remis leur rapport.`,
  handInOrganisation: 'Organisation',
  handInStatus: 'Statut',
  handInStatuses: { submitted: 'Remis', late: 'En retard', missing: 'Manquant' },
  handInNewest: 'Version la plus récente',
  handInFirstAt: 'Remis une première fois le',
  handInReport: 'Rapport annuel',
  handInOf: (organisation: string) => `de ${organisation}`,
  handInNoOrganisations: 'Il n’y a pas encore d’organisations.',
};
