// The French strings of the triage of comments: their status, tags and internal note, the action
// bar, removing a piece of text and erasing an answer.
import type { TriageMessages } from './nl.ts';

export const triage: TriageMessages = {
  triageStatusLabel: 'Statut',
  triageStatuses: {
    new: 'Nouveau',
    read: 'Lu',
    'in-progress': 'En cours',
    done: 'Traité',
    archived: 'Archivé',
  },
  triageAllStatuses: 'Tous les statuts',
  triageTagLabel: 'Étiquette',
  triageAllTags: 'Toutes les étiquettes',
  triageTags: 'Étiquettes',
  triageNoteLabel: 'Note interne',
  triageNoteHint:
    'Seulement pour votre organisation : le comité de pilotage et le public ne la voient jamais. Videz le champ pour effacer la note.',
  triageOfComment: (date: string, words: string) => `le commentaire du ${date} : « ${words} »`,
  triageSelect: 'Sélectionner',
  triageSelectAll: 'Sélectionner tous les commentaires affichés',
  triageBarLegend: 'Modifier les commentaires sélectionnés',
  triageSelected: (n: number, count: string) =>
    n === 0
      ? 'Aucun commentaire sélectionné.'
      : n === 1
        ? '1 commentaire sélectionné.'
        : `${count} commentaires sélectionnés.`,
  triageSelectFirst:
    'Sélectionnez d’abord un ou plusieurs commentaires avec les cases de la liste.',
  triageNewStatus: 'Nouveau statut',
  triageSetStatus: 'Changer le statut',
  triageTagToAdd: 'Étiquette à ajouter',
  triageTagHint:
    'Choisissez une étiquette existante ou tapez-en une nouvelle, de 40 caractères au plus.',
  triageAddTag: 'Ajouter l’étiquette',
  triageTagToRemove: 'Étiquette à retirer',
  triageRemoveTag: 'Retirer l’étiquette',
  triageNoTagsSelected: 'Les commentaires sélectionnés n’ont pas d’étiquette.',
  triageTagInvalid: 'Tapez une étiquette de 1 à 40 caractères.',
  triageWorking: 'Mise à jour en cours…',
  triageUpdated: (n: number, count: string) =>
    n === 1 ? '1 commentaire mis à jour.' : `${count} commentaires mis à jour.`,
  triageNotUpdated: (n: number, count: string) =>
    n === 1
      ? '1 commentaire n’a pas pu être mis à jour.'
      : `${count} commentaires n’ont pas pu être mis à jour.`,
  triageTooManyTags: 'Un commentaire peut avoir 10 étiquettes au plus : retirez-en d’abord une.',
  triageKeptSelected: 'La sélection est conservée : réessayez.',
  triageGone:
    'Quelqu’un d’autre a supprimé ce commentaire entre-temps. Appliquez à nouveau le filtre pour actualiser la liste.',
  triageRefused:
    'La modification a été refusée. Rechargez la page et réessayez ; si le problème persiste, signalez-le à votre administrateur.',
  triageNote: 'Note',
  triageNoteSave: 'Enregistrer la note',
  triageCancel: 'Annuler',
  triageNoteSaved: 'La note a été enregistrée.',
  triageNoteCleared: 'La note a été effacée.',
  triageNoteFailed: 'La note n’a pas pu être enregistrée.',
  triageRedact: 'Supprimer du texte',
  triageRedactLabel: 'Quel texte voulez-vous supprimer ?',
  triageRedactHint:
    'Tapez ou collez le texte exactement comme il figure dans le commentaire, par exemple un nom ou un numéro de téléphone. Partout où il apparaît, il est remplacé par [verwijderd]. Cette action est définitive.',
  triageRedactSubmit: 'Supprimer ce texte',
  triageRedactTooShort: 'Tapez au moins 2 caractères.',
  triageRedactNotFound:
    'Ce texte ne figure pas dans le commentaire. Copiez-le exactement, avec les mêmes majuscules, signes de ponctuation et espaces.',
  triageRedacted: 'Le texte a été remplacé par [verwijderd].',
  triageRedactFailed: 'Le texte n’a pas pu être supprimé.',
  triageErase: 'Supprimer',
  triageEraseQuestion: 'Supprimer entièrement cette réponse ?',
  triageEraseWarning:
    'La note et le commentaire disparaissent de cette liste, des exports et de tous les chiffres, y compris du rapport annuel. Cette action est définitive.',
  triageEraseConfirm: 'Oui, supprimer définitivement',
  triageErased: 'La réponse a été supprimée, y compris de tous les chiffres.',
  triageEraseFailed: 'La réponse n’a pas pu être supprimée.',
};
