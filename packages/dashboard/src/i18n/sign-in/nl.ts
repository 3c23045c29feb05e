// The Dutch strings of signing in as a person (OpenID Connect). Spread into the Dutch catalog,
// they are the type the French and English parts must match.
export const signIn = {
  signInChecking: 'Even geduld: we kijken of u al aangemeld bent…',
  oidcSignInIntro:
    'Meld u aan met uw account van de Vlaamse overheid of van uw organisatie. U ziet daarna de cijfers en de opmerkingen waartoe uw rol toegang geeft.',
  oidcSignIn: 'Aanmelden',
  oidcSignInHint:
    'U gaat naar de aanmeldpagina van uw organisatie en komt daarna terug in het dashboard.',
  signedInAsPerson: (email: string) => `Aangemeld als ${email}`,
  personSignedOut: 'U bent afgemeld.',
  personSessionExpired:
    'Uw sessie is beëindigd (na 8 uur zonder activiteit, of door uw beheerder). Meld u opnieuw aan.',
  signingOut: 'U wordt afgemeld…',
};

export type SignInMessages = typeof signIn;
