// The French strings of "Organisatie beheren" (managing the organisation).
import type { ManageMessages } from './nl.ts';

export const manage: ManageMessages = {
  navManage: 'Gérer l’organisation',
  manageHeading: 'Gérer l’organisation',
  manageIntro: (organisation: string) =>
    `Vous êtes gestionnaire de ${organisation} : vous gérez ici les services, les personnes et les jetons de votre organisation.`,
  manageYourOrganisation: 'votre organisation',
  manageWebhooksPrefix: 'Vous gérez les webhooks de votre organisation sous',
  manageNotManager:
    'Seul un gestionnaire de l’organisation peut gérer ses services, ses personnes et ses jetons. Adressez-vous au gestionnaire de votre organisation.',

  servicesSettingsHeading: 'Services',
  servicesSettingsIntro:
    'Depuis quels sites web un service accepte des avis, où les citoyens trouvent de l’aide et quelles raisons le widget propose après un score bas.',
  servicesSettingsLoading: 'Chargement des services…',
  servicesSettingsEmpty:
    'Votre organisation n’a pas encore de services. Ajoutez le premier ci-dessous.',
  serviceIdTerm: 'Id (service-id du widget)',
  serviceStatusTerm: 'Statut',
  serviceActive: 'Actif',
  serviceInactive: 'Inactif : n’accepte pas d’avis',
  serviceOriginsTerm: 'Sites web autorisés',
  serviceNoOrigins:
    'Aucun : le widget sur un site web est refusé ; la page d’avis du collecteur fonctionne',
  serviceHelpTerm: 'Aide aux citoyens',
  serviceHelpDefault: 'Par défaut : la ligne d’information flamande 1700',
  serviceReasonsTerm: 'Raisons après un score bas',
  serviceReasonsDefault: 'La liste par défaut',
  serviceEdit: 'Modifier les paramètres',
  serviceEditHeading: (name: string) => `Paramètres de ${name}`,
  serviceOrigins: 'Sites web autorisés',
  serviceOriginsHint:
    'Un par ligne, sans chemin, par exemple https://www.gent.be. Seules les pages de ces sites peuvent envoyer des avis pour ce service.',
  serviceOriginInvalid: (line: string) =>
    `« ${line} » n’est pas un site web. Écrivez-les comme https://www.gent.be : le schéma et l’hôte, éventuellement un port, sans chemin.`,
  serviceHelpUrl: 'Page d’aide',
  serviceHelpUrlHint:
    'Une adresse https ou un lien tel:, par exemple https://www.gent.be/contact ou tel:09 210 10 10. Vide : la ligne d’information flamande 1700.',
  serviceHelpUrlInvalid:
    'Saisissez une adresse https (https://www.gent.be/contact) ou un lien tel: (tel:1700), ou laissez le champ vide.',
  serviceReasonsLegend: 'Raisons après un score bas',
  serviceReasonsDefaultChoice: 'La liste par défaut',
  serviceReasonsOwnChoice: 'Une liste propre (1 à 6 raisons)',
  serviceReasonsHint:
    'Les citoyens qui donnent 1 à 3 peuvent cocher ce qui n’a pas été. Chaque raison a un code pour les rapports et un texte dans chaque langue du widget.',
  reasonLegend: (n: number) => `Raison ${n}`,
  reasonCode: 'Code',
  reasonCodeHint: 'Lettres minuscules, chiffres et -, par exemple trop-lent.',
  reasonLabel: (language: string) => `Texte (${language})`,
  reasonRemove: 'Supprimer',
  reasonAdd: 'Ajouter une raison',
  reasonAdded: (n: number) => `La raison ${n} est ajoutée.`,
  reasonRemoved: (n: number) => `La raison ${n} est supprimée.`,
  reasonsInvalid:
    'Donnez à chaque raison un code en lettres minuscules, chiffres ou - (chaque code une fois) et un texte dans chaque langue.',
  serviceSave: 'Enregistrer',
  serviceCancel: 'Annuler',
  serviceSaved: (name: string) => `Les paramètres de ${name} sont enregistrés.`,
  serviceUnchanged: (name: string) => `Rien n’a changé pour ${name}.`,

  serviceAddHeading: 'Ajouter un service',
  serviceName: 'Nom',
  serviceNameMissing:
    'Saisissez le nom du service, par exemple Demander une carte de stationnement.',
  serviceNewId: 'Id',
  serviceNewIdHint:
    '2 à 64 lettres minuscules, chiffres ou -, par exemple carte-stationnement. Il figure dans l’attribut service-id du widget et ne peut plus changer.',
  serviceIdInvalid:
    'Saisissez un id de 2 à 64 lettres minuscules, chiffres ou -, qui commence et finit par une lettre ou un chiffre.',
  serviceAdd: 'Ajouter le service',
  serviceAdded: (name: string) => `Le service ${name} est ajouté.`,

  peopleHeading: 'Personnes',
  peopleIntro:
    'Qui se connecte avec un compte personnel. Enregistrez l’adresse e-mail avec laquelle quelqu’un se connecte ; le compte y est lié lors de la première connexion.',
  peopleLoading: 'Chargement des personnes…',
  peopleEmpty: 'Aucune personne n’est encore enregistrée.',
  personRoles: { provider: 'Prestataire', manager: 'Gestionnaire', steering: 'Comité de pilotage' },
  personRoleTerm: 'Rôle',
  personSignInTerm: 'Connecté',
  personNeverSignedIn: 'Jamais connecté',
  personSignedIn: 'Oui',
  personLastSignIn: (when: string) => `Dernière fois le ${when}`,
  personYou: '(vous-même)',
  personRemove: 'Supprimer',
  personRemoveQuestion: (email: string) =>
    `Voulez-vous supprimer ${email} ? Cette personne ne pourra plus se connecter, une session ouverte s’arrête aussitôt, et les webhooks et jetons qu’elle a créés cessent de fonctionner.`,
  personRemoveYes: 'Oui, supprimer',
  personRemoveNo: 'Non, conserver',
  personRemoved: (email: string) => `${email} est supprimé.`,
  personAddHeading: 'Enregistrer quelqu’un',
  personEmail: 'Adresse e-mail',
  personEmailHint:
    'L’adresse avec laquelle la personne se connecte, par exemple an.peeters@gent.be.',
  personEmailMissing: 'Saisissez l’adresse e-mail, par exemple an.peeters@gent.be.',
  personEmailInvalid:
    'Saisissez une adresse e-mail complète, avec @ et un domaine, par exemple an.peeters@gent.be.',
  personRoleLegend: 'Rôle',
  personRoleMissing: 'Choisissez un rôle.',
  personRoleHints: {
    provider:
      'Voit les chiffres et commentaires des services de votre organisation et y travaille.',
    manager:
      'Gère en outre les services, les personnes, les jetons et les webhooks de votre organisation.',
  },
  personAdd: 'Enregistrer',
  personAdded: (email: string, role: string) => `${email} est enregistré comme ${role}.`,

  tokensHeading: 'Jetons',
  tokensIntro:
    'Un jeton donne accès à un système sans compte personnel : un rapport ou un script qui lit des chiffres, ou un centre de contact qui envoie des avis après un appel.',
  tokensLoading: 'Chargement des jetons…',
  tokensEmpty: 'Votre organisation n’a pas encore de jetons.',
  tokenRoles: {
    provider: 'Lecture : chiffres et commentaires',
    ingest: 'Envoi d’avis (centre de contact)',
    steering: 'Comité de pilotage',
  },
  tokenRoleTerm: 'Type',
  tokenCreatedTerm: 'Créé le',
  tokenStatusTerm: 'Statut',
  tokenActive: 'Actif',
  tokenRevokedOn: (when: string) => `Révoqué le ${when}`,
  tokenRevoke: 'Révoquer',
  tokenRevokeQuestion: (label: string) =>
    `Voulez-vous révoquer le jeton « ${label} » ? Tout système qui l’utilise est refusé aussitôt. C’est irréversible.`,
  tokenRevokeYes: 'Oui, révoquer',
  tokenRevokeNo: 'Non, conserver',
  tokenRevoked: (label: string) => `Le jeton « ${label} » est révoqué.`,
  tokenAddHeading: 'Créer un jeton',
  tokenNameLabel: 'Nom',
  tokenNameHint: 'Pour quoi ou pour qui, par exemple rapports équipe environnement.',
  tokenNameMissing: 'Donnez un nom au jeton, par exemple rapports équipe environnement.',
  tokenRoleLegend: 'Que peut faire le jeton ?',
  tokenRoleMissing: 'Choisissez ce que peut faire le jeton.',
  tokenRoleHints: {
    provider: 'Lire, via l’API, les chiffres et commentaires des services de votre organisation.',
    ingest:
      'Seulement envoyer des avis pour les services de votre organisation, par exemple après un appel téléphonique.',
  },
  tokenAdd: 'Créer le jeton',
  tokenAdded: (label: string) => `Le jeton « ${label} » est créé. Copiez-le maintenant.`,
  tokenSecretHeading: 'Le nouveau jeton',
  tokenSecretLabel: 'Jeton',
  tokenSecretNote:
    'Ce jeton n’est affiché qu’une fois. Enregistrez-le maintenant dans le système qui l’utilise ; quiconque le détient peut l’utiliser.',
  tokenCopy: 'Copier le jeton',
  tokenCopied: 'Le jeton est copié.',
  tokenCopyFailed: 'La copie a échoué. Sélectionnez le jeton dans le champ et copiez-le vous-même.',
  tokenSecretDone: 'J’ai enregistré le jeton',
};
