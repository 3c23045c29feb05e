import { downloadStyles } from '../download.ts';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [tokens, sharedStyles, downloadStyles];
