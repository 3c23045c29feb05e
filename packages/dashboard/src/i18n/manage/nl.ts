// The Dutch strings of "Organisatie beheren": a manager runs its own organisation's services,
// people and tokens in the dashboard.
// Spread into the Dutch catalog, they are the type the French and English parts must match.

export const manage = {
  navManage: 'Organisatie beheren',
  manageHeading: 'Organisatie beheren',
  manageIntro: (organisation: string) =>
    `U bent beheerder van ${organisation}: u beheert hier de diensten, de mensen en de tokens van uw organisatie.`,
  manageYourOrganisation: 'uw organisatie',
  manageWebhooksPrefix: 'De webhooks van uw organisatie beheert u bij',
  manageNotManager:
    'Alleen een beheerder van de organisatie kan haar diensten, mensen en tokens beheren. Vraag het aan de beheerder van uw organisatie.',

  // Services
  servicesSettingsHeading: 'Diensten',
  servicesSettingsIntro:
    'Van welke websites een dienst feedback aanneemt, waar burgers hulp vinden en welke redenen de widget aanbiedt na een lage score.',
  servicesSettingsLoading: 'De diensten worden geladen…',
  servicesSettingsEmpty: 'Uw organisatie heeft nog geen diensten. Voeg hieronder de eerste toe.',
  serviceIdTerm: 'Id (service-id van de widget)',
  serviceStatusTerm: 'Status',
  serviceActive: 'Actief',
  serviceInactive: 'Niet actief: neemt geen feedback aan',
  serviceOriginsTerm: 'Toegelaten websites',
  serviceNoOrigins:
    'Geen: de widget op een website wordt geweigerd; de feedbackpagina van de collector werkt wel',
  serviceHelpTerm: 'Hulp voor burgers',
  serviceHelpDefault: 'Standaard: de Vlaamse infolijn 1700',
  serviceReasonsTerm: 'Redenen bij een lage score',
  serviceReasonsDefault: 'De standaardlijst',
  serviceEdit: 'Instellingen wijzigen',
  serviceEditHeading: (name: string) => `Instellingen van ${name}`,
  serviceOrigins: 'Toegelaten websites',
  serviceOriginsHint:
    'Eén per regel, zonder pad, bijvoorbeeld https://www.gent.be. Alleen pagina’s van deze websites kunnen feedback insturen voor deze dienst.',
  serviceOriginInvalid: (line: string) =>
    `„${line}” is geen website. Schrijf ze als https://www.gent.be: het schema en de host, eventueel een poort, zonder pad.`,
  serviceHelpUrl: 'Hulppagina',
  serviceHelpUrlHint:
    'Een https-adres of een tel:-link, bijvoorbeeld https://www.gent.be/contact of tel:09 210 10 10. Leeg: de Vlaamse infolijn 1700.',
  serviceHelpUrlInvalid:
    'Vul een https-adres (https://www.gent.be/contact) of een tel:-link (tel:1700) in, of laat het veld leeg.',
  serviceReasonsLegend: 'Redenen bij een lage score',
  serviceReasonsDefaultChoice: 'De standaardlijst',
  serviceReasonsOwnChoice: 'Een eigen lijst (1 tot 6 redenen)',
  serviceReasonsHint:
    'Burgers die 1 tot 3 geven, kunnen aankruisen wat er misliep. Elke reden heeft een code voor de rapporten en een tekst in elke taal van de widget.',
  reasonLegend: (n: number) => `Reden ${n}`,
  reasonCode: 'Code',
  reasonCodeHint: 'Kleine letters, cijfers en -, bijvoorbeeld te-traag.',
  reasonLabel: (language: string) => `Tekst (${language})`,
  reasonRemove: 'Verwijderen',
  reasonAdd: 'Reden toevoegen',
  reasonAdded: (n: number) => `Reden ${n} is toegevoegd.`,
  reasonRemoved: (n: number) => `Reden ${n} is verwijderd.`,
  reasonsInvalid:
    'Geef elke reden een code van kleine letters, cijfers of - (elke code één keer) en een tekst in elke taal.',
  serviceSave: 'Opslaan',
  serviceCancel: 'Annuleren',
  serviceSaved: (name: string) => `De instellingen van ${name} zijn opgeslagen.`,
  serviceUnchanged: (name: string) => `Er is niets gewijzigd aan ${name}.`,

  serviceAddHeading: 'Dienst toevoegen',
  serviceName: 'Naam',
  serviceNameMissing: 'Vul de naam van de dienst in, bijvoorbeeld Parkeerkaart aanvragen.',
  serviceNewId: 'Id',
  serviceNewIdHint:
    '2 tot 64 kleine letters, cijfers of -, bijvoorbeeld parkeerkaart-aanvragen. Het komt in het attribuut service-id van de widget en kan later niet meer veranderen.',
  serviceIdInvalid:
    'Vul een id in van 2 tot 64 kleine letters, cijfers of -, dat begint en eindigt met een letter of cijfer.',
  serviceAdd: 'Dienst toevoegen',
  serviceAdded: (name: string) => `De dienst ${name} is toegevoegd.`,

  // People
  peopleHeading: 'Mensen',
  peopleIntro:
    'Wie zich met een persoonlijk account aanmeldt. Registreer het e-mailadres waarmee iemand zich aanmeldt; bij de eerste aanmelding wordt het account eraan gekoppeld.',
  peopleLoading: 'De mensen worden geladen…',
  peopleEmpty: 'Er zijn nog geen mensen geregistreerd.',
  personRoles: { provider: 'Dienstverlener', manager: 'Beheerder', steering: 'Stuurorgaan' },
  personRoleTerm: 'Rol',
  personSignInTerm: 'Aangemeld',
  personNeverSignedIn: 'Nog nooit aangemeld',
  personSignedIn: 'Ja',
  personLastSignIn: (when: string) => `Laatst op ${when}`,
  personYou: '(uzelf)',
  personRemove: 'Verwijderen',
  personRemoveQuestion: (email: string) =>
    `Wilt u ${email} verwijderen? Die persoon kan zich niet meer aanmelden, een open sessie stopt meteen, en de webhooks en tokens die die persoon aanmaakte, werken niet meer.`,
  personRemoveYes: 'Ja, verwijderen',
  personRemoveNo: 'Nee, behouden',
  personRemoved: (email: string) => `${email} is verwijderd.`,
  personAddHeading: 'Iemand registreren',
  personEmail: 'E-mailadres',
  personEmailHint: 'Het adres waarmee de persoon zich aanmeldt, bijvoorbeeld an.peeters@gent.be.',
  personEmailMissing: 'Vul het e-mailadres in, bijvoorbeeld an.peeters@gent.be.',
  personEmailInvalid:
    'Vul een volledig e-mailadres in, met @ en een domein, bijvoorbeeld an.peeters@gent.be.',
  personRoleLegend: 'Rol',
  personRoleMissing: 'Kies een rol.',
  personRoleHints: {
    provider: 'Ziet de cijfers en opmerkingen van de diensten van uw organisatie en werkt ermee.',
    manager:
      'Beheert daarnaast de diensten, de mensen, de tokens en de webhooks van uw organisatie.',
  },
  personAdd: 'Registreren',
  personAdded: (email: string, role: string) => `${email} is geregistreerd als ${role}.`,

  // Tokens
  tokensHeading: 'Tokens',
  tokensIntro:
    'Een token geeft een systeem toegang zonder persoonlijk account: een rapport of script dat cijfers leest, of een contactcentrum dat feedback instuurt na een gesprek.',
  tokensLoading: 'De tokens worden geladen…',
  tokensEmpty: 'Uw organisatie heeft nog geen tokens.',
  tokenRoles: {
    provider: 'Lezen: cijfers en opmerkingen',
    ingest: 'Feedback insturen (contactcentrum)',
    steering: 'Stuurorgaan',
  },
  tokenRoleTerm: 'Soort',
  tokenCreatedTerm: 'Aangemaakt op',
  tokenStatusTerm: 'Status',
  tokenActive: 'Actief',
  tokenRevokedOn: (when: string) => `Ingetrokken op ${when}`,
  tokenRevoke: 'Intrekken',
  tokenRevokeQuestion: (label: string) =>
    `Wilt u het token „${label}” intrekken? Elk systeem dat het gebruikt, wordt meteen geweigerd. Dit kan niet ongedaan worden.`,
  tokenRevokeYes: 'Ja, intrekken',
  tokenRevokeNo: 'Nee, behouden',
  tokenRevoked: (label: string) => `Het token „${label}” is ingetrokken.`,
  tokenAddHeading: 'Token aanmaken',
  tokenNameLabel: 'Naam',
  tokenNameHint: 'Waarvoor of voor wie, bijvoorbeeld rapportering team omgeving.',
  tokenNameMissing: 'Geef het token een naam, bijvoorbeeld rapportering team omgeving.',
  tokenRoleLegend: 'Wat mag het token?',
  tokenRoleMissing: 'Kies wat het token mag.',
  tokenRoleHints: {
    provider: 'De cijfers en opmerkingen van de diensten van uw organisatie lezen, via de API.',
    ingest:
      'Alleen feedback insturen voor de diensten van uw organisatie, bijvoorbeeld na een telefoongesprek.',
  },
  tokenAdd: 'Token aanmaken',
  tokenAdded: (label: string) => `Het token „${label}” is aangemaakt. Kopieer het nu.`,
  tokenSecretHeading: 'Het nieuwe token',
  tokenSecretLabel: 'Token',
  tokenSecretNote:
    'Dit token wordt maar één keer getoond. Bewaar het nu in het systeem dat het gebruikt; wie het heeft, kan het gebruiken.',
  tokenCopy: 'Token kopiëren',
  tokenCopied: 'Het token is gekopieerd.',
  tokenCopyFailed: 'Kopiëren lukte niet. Selecteer het token in het veld en kopieer het zelf.',
  tokenSecretDone: 'Ik heb het token bewaard',
};

export type ManageMessages = typeof manage;
