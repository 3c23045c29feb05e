// The French strings of signing in as a person.
import type { SignInMessages } from './nl.ts';

export const signIn: SignInMessages = {
  signInChecking: 'Un instant : nous vérifions si vous êtes déjà connecté…',
  oidcSignInIntro:
    'Connectez-vous avec votre compte du gouvernement flamand ou de votre organisation. Vous verrez ensuite les chiffres et les commentaires auxquels votre rôle donne accès.',
  oidcSignIn: 'Se connecter',
  oidcSignInHint:
    'Vous passez par la page de connexion de votre organisation, puis revenez au tableau de bord.',
  signedInAsPerson: (email: string) => `Connecté en tant que ${email}`,
  personSignedOut: 'Vous êtes déconnecté.',
  personSessionExpired:
    'Votre session a pris fin (après 8 heures d’inactivité, ou par votre gestionnaire). Reconnectez-vous.',
  signingOut: 'Déconnexion en cours…',
};
