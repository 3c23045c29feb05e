import { afterAll } from 'vitest';
import { closeStoresOpenedOutsideTests } from './backend.ts';

// Per test file of `collector-pg`: pools opened in beforeAll hooks close after the file's tests
// (those opened inside a test close when it ends).
afterAll(closeStoresOpenedOutsideTests);
