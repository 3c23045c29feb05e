// The English strings of signing in as a person.
import type { SignInMessages } from './nl.ts';

export const signIn: SignInMessages = {
  signInChecking: 'One moment: checking whether you are signed in already…',
  oidcSignInIntro:
    'Sign in with your account of the Flemish government or of your organisation. You then see the figures and comments your role gives access to.',
  oidcSignIn: 'Sign in',
  oidcSignInHint: 'You go to your organisation’s sign-in page and then come back to the dashboard.',
  signedInAsPerson: (email: string) => `Signed in as ${email}`,
  personSignedOut: 'You are signed out.',
  personSessionExpired:
    'Your session has ended (after 8 hours without activity, or by your administrator). Please sign in again.',
  signingOut: 'Signing you out…',
};
