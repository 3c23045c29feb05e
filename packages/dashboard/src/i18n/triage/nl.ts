// The Dutch strings of the triage of comments: their status, tags and internal note, the action
// bar, removing a piece of text and erasing an answer.
// Spread into the Dutch catalog, they are the type the French and English parts must match.
export const triage = {
  triageStatusLabel: 'Status',
  triageStatuses: {
    new: 'Nieuw',
    read: 'Gelezen',
    'in-progress': 'In behandeling',
    done: 'Afgehandeld',
    archived: 'Gearchiveerd',
  },
  triageAllStatuses: 'Alle statussen',
  triageTagLabel: 'Tag',
  triageAllTags: 'Alle tags',
  triageTags: 'Tags',
  triageNoteLabel: 'Interne notitie',
  triageNoteHint:
    'Alleen voor uw organisatie: het stuurorgaan en het publiek zien ze nooit. Maak het vak leeg om de notitie te wissen.',
  /** Spoken after a button's name or a checkbox's label: which comment it acts on. */
  triageOfComment: (date: string, words: string) => `de opmerking van ${date}: „${words}”`,
  triageSelect: 'Selecteren',
  triageSelectAll: 'Alle getoonde opmerkingen selecteren',
  triageBarLegend: 'Geselecteerde opmerkingen bewerken',
  triageSelected: (n: number, count: string) =>
    n === 0
      ? 'Geen opmerking geselecteerd.'
      : n === 1
        ? '1 opmerking geselecteerd.'
        : `${count} opmerkingen geselecteerd.`,
  triageSelectFirst: 'Selecteer eerst een of meer opmerkingen met de vakjes in de lijst.',
  triageNewStatus: 'Nieuwe status',
  triageSetStatus: 'Status wijzigen',
  triageTagToAdd: 'Tag om toe te voegen',
  triageTagHint: 'Kies een bestaande tag of typ een nieuwe, van hoogstens 40 tekens.',
  triageAddTag: 'Tag toevoegen',
  triageTagToRemove: 'Tag om weg te halen',
  triageRemoveTag: 'Tag weghalen',
  triageNoTagsSelected: 'De geselecteerde opmerkingen hebben geen tags.',
  triageTagInvalid: 'Typ een tag van 1 tot 40 tekens.',
  triageWorking: 'Bezig met bijwerken…',
  triageUpdated: (n: number, count: string) =>
    n === 1 ? '1 opmerking bijgewerkt.' : `${count} opmerkingen bijgewerkt.`,
  triageNotUpdated: (n: number, count: string) =>
    n === 1
      ? '1 opmerking kon niet worden bijgewerkt.'
      : `${count} opmerkingen konden niet worden bijgewerkt.`,
  triageTooManyTags: 'Een opmerking kan hoogstens 10 tags hebben: haal er eerst een weg.',
  triageKeptSelected: 'De selectie blijft staan: probeer het opnieuw.',
  triageGone:
    'Iemand anders heeft deze opmerking intussen verwijderd. Pas de filter opnieuw toe om de lijst te vernieuwen.',
  triageRefused:
    'De wijziging werd geweigerd. Laad de pagina opnieuw en probeer het nog eens; lukt het dan nog niet, meld het aan uw beheerder.',
  triageNote: 'Notitie',
  triageNoteSave: 'Notitie bewaren',
  triageCancel: 'Annuleren',
  triageNoteSaved: 'De notitie is bewaard.',
  triageNoteCleared: 'De notitie is gewist.',
  triageNoteFailed: 'De notitie kon niet worden bewaard.',
  triageRedact: 'Tekst verwijderen',
  triageRedactLabel: 'Welke tekst wilt u verwijderen?',
  triageRedactHint:
    'Typ of plak de tekst precies zoals hij in de opmerking staat, bijvoorbeeld een naam of een telefoonnummer. Overal waar hij staat, komt [verwijderd] in de plaats. Dat kan niet ongedaan worden gemaakt.',
  triageRedactSubmit: 'Deze tekst verwijderen',
  triageRedactTooShort: 'Typ minstens 2 tekens.',
  triageRedactNotFound:
    'Deze tekst staat niet in de opmerking. Kopieer hem precies, met dezelfde hoofdletters, leestekens en spaties.',
  triageRedacted: 'De tekst is vervangen door [verwijderd].',
  triageRedactFailed: 'De tekst kon niet worden verwijderd.',
  triageErase: 'Verwijderen',
  triageEraseQuestion: 'Dit antwoord helemaal verwijderen?',
  triageEraseWarning:
    'De beoordeling en de opmerking verdwijnen uit deze lijst, de exports en alle cijfers, ook uit het jaarverslag. Dit kan niet ongedaan worden gemaakt.',
  triageEraseConfirm: 'Ja, definitief verwijderen',
  triageErased: 'Het antwoord is verwijderd, ook uit alle cijfers.',
  triageEraseFailed: 'Het antwoord kon niet worden verwijderd.',
};

export type TriageMessages = typeof triage;
