// The Dutch strings of acting on the feedback: improvement actions, explanations of the figures
// and handing in the annual report.
// Spread into the Dutch catalog, they are the type the French and English parts must match.
export const acting = {
  notAccepted: 'Dit werd niet aanvaard. Pas het aan en probeer opnieuw:',
  notSaved: 'Niet opgeslagen.',
  saving: 'Bezig met opslaan…',
  notRequired: '(niet verplicht)',
  reload: 'Opnieuw laden',

  actionsHeading: 'Wat we verbeteren',
  actionsIntro:
    'Wat u verandert naar aanleiding van de feedback. De acties staan ook in het jaarrapport, zodat het stuurorgaan ziet wat u met de feedback doet.',
  actionsLoading: 'Acties worden geladen…',
  actionsEmpty: 'Nog geen acties voor deze dienst. Voeg hieronder de eerste toe.',
  actionsListHeading: 'Uw acties',
  actionStatuses: { planned: 'Gepland', 'in-progress': 'Bezig', done: 'Klaar' },
  actionStatus: 'Status',
  /** Read after "Status" by screen readers, to tell the actions' status fields apart. */
  actionOf: (title: string) => `van “${title}”`,
  actionPlannedOn: 'Gepland tegen',
  actionDoneOn: 'Klaar op',
  actionPublic: 'Openbaar',
  actionPublicYes: 'Ja: op /transparantie zodra de actie klaar is',
  actionPublicNo: 'Nee, alleen in het jaarrapport',
  actionThemes: 'Thema’s',
  actionDelete: 'Verwijderen',
  actionDeleteQuestion: (title: string) =>
    `Wilt u de actie “${title}” verwijderen? Dat kunt u niet ongedaan maken.`,
  actionDeleteYes: 'Ja, verwijderen',
  actionDeleteNo: 'Nee, behouden',
  actionDeleted: (title: string) => `De actie “${title}” is verwijderd.`,
  actionStatusChanged: (title: string, status: string) =>
    `De status van “${title}” is nu: ${status}.`,
  actionAddHeading: 'Een actie toevoegen',
  actionTitle: 'Wat verbetert u?',
  actionTitleHint:
    'Kort en concreet, bijvoorbeeld: “Het formulier telt nog twee stappen in plaats van vijf.”',
  actionDescription: 'Meer uitleg',
  actionPublicLabel: 'Toon deze actie publiek zodra ze klaar is',
  actionPublicHint:
    'Een publieke actie met de status Klaar verschijnt op /transparantie als “Dankzij uw feedback …”. Schrijf dan niets wat alleen intern bedoeld is.',
  actionThemesLegend: 'Naar aanleiding van welke thema’s?',
  actionThemesHint: 'De thema’s uit de opmerkingen van deze periode.',
  actionAdd: 'Actie toevoegen',
  actionAdded: (title: string) => `De actie “${title}” is toegevoegd.`,
  actionTitleMissing: 'Geef de actie een titel.',
  actionTitleTooLong: 'Kort de titel in tot hoogstens 200 tekens.',
  actionDescriptionTooLong: 'Kort de uitleg in tot hoogstens 2.000 tekens.',

  explanationServiceHeading: (year: string) => `Toelichting bij de cijfers van ${year}`,
  explanationOrganisationHeading: (year: string) => `Toelichting van uw organisatie bij ${year}`,
  explanationServiceIntro:
    'Leg uit wat de cijfers verklaart, bijvoorbeeld een nieuwe website, een drukke periode of een nieuwe regel. De toelichting staat bij deze dienst in het jaarrapport.',
  explanationOrganisationIntro:
    'Wat het stuurorgaan over uw organisatie als geheel moet weten. Deze toelichting staat vooraan in het jaarrapport van uw organisatie.',
  explanationLabel: 'Toelichting',
  explanationLimit: (max: string) => `U kunt tot ${max} tekens invullen.`,
  explanationLeft: (count: number, shown: string) =>
    count === 1 ? 'Nog 1 teken over.' : `Nog ${shown} tekens over.`,
  explanationOver: (count: number, shown: string) =>
    count === 1 ? '1 teken te veel.' : `${shown} tekens te veel.`,
  explanationTooLong: (max: string) => `Kort de toelichting in tot hoogstens ${max} tekens.`,
  explanationLoading: 'Toelichting wordt geladen…',
  explanationNone: 'Er is nog geen toelichting voor dit jaar.',
  explanationLastSaved: (who: string, when: string) => `Laatst opgeslagen door ${who} op ${when}.`,
  explanationSave: 'Toelichting opslaan',
  explanationSaved: 'De toelichting is opgeslagen.',
  explanationRemoved: 'De toelichting is verwijderd.',
  explanationRemoveHint: 'Maak het veld leeg en sla op om de toelichting te verwijderen.',

  handInHeading: 'Jaarrapport indienen',
  handInIntro:
    'Indienen legt het jaarrapport van uw organisatie vast zoals het nu is, met de toelichtingen en de acties. Feedback die later binnenkomt, verandert die versie niet. Past u nadien nog iets aan, dien dan opnieuw in: er komt een nieuwe versie bij, en het stuurorgaan ziet de nieuwste.',
  handInYear: 'Jaar',
  handInDeadline: (day: string) => `Uiterlijk in te dienen op ${day}.`,
  handInSubmit: (year: string) => `Jaarrapport ${year} indienen`,
  handInSubmitAgain: (year: string) => `Jaarrapport ${year} opnieuw indienen`,
  handInSubmitting: 'Het jaarrapport wordt vastgelegd…',
  handInSubmitted: (version: string, year: string) =>
    `Versie ${version} van het jaarrapport ${year} is ingediend.`,
  handInFailed: 'Het jaarrapport is niet ingediend.',
  handInLoading: 'Ingediende versies worden geladen…',
  handInVersionsHeading: 'Ingediende versies',
  handInNone: (year: string) => `U hebt het jaarrapport ${year} nog niet ingediend.`,
  handInVersion: (version: string) => `Versie ${version}`,
  handInAt: 'Ingediend op',
  handInBy: 'Door',
  handInFingerprint: 'Vingerafdruk (SHA-256)',
  handInFingerprintFull: 'Volledige vingerafdruk',
  handInFingerprintHint:
    'De vingerafdruk is die van het JSON-bestand: zo kan iedereen nagaan dat een bestand precies deze versie is.',
  handInDownloadHtml: 'HTML downloaden',
  handInDownloadJson: 'JSON downloaden',
  /** Read after a download button's label: which version it downloads. */
  handInOfVersion: (version: string) => `van versie ${version}`,
  handInOverviewHeading: 'Ingediende jaarrapporten',
  handInOverviewIntro:
    'Per jaar welke organisaties hun jaarrapport indienden. Te laat: de eerste versie kwam na de uiterste datum.',
  handInOverviewYear: (year: string) => `Jaarrapport ${year}`,
  handInCaption: (year: string) => `Jaarrapport ${year} per organisatie`,
  handInCount: (count: number, submitted: string, total: string) =>
    `${submitted} van de ${total} organisaties ${count === 1 ? 'heeft' : 'hebben'} ingediend.`,
  handInOrganisation: 'Organisatie',
  handInStatus: 'Status',
  handInStatuses: { submitted: 'Ingediend', late: 'Te laat', missing: 'Ontbreekt' },
  handInNewest: 'Nieuwste versie',
  handInFirstAt: 'Eerst ingediend op',
  handInReport: 'Jaarrapport',
  /** Read after the download button's label: whose report it downloads. */
  handInOf: (organisation: string) => `van ${organisation}`,
  handInNoOrganisations: 'Er zijn nog geen organisaties.',
};

export type ActingMessages = typeof acting;
