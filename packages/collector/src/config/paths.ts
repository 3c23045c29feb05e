import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The built front-ends, found from this package whether it runs from src/ or dist/.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function existing(path: string): string | undefined {
  return existsSync(path) ? path : undefined;
}

/** Folders of the built widget, demo and dashboard in this checkout, when they were built. */
export function builtFrontEnds() {
  return {
    widget: existing(`${repoRoot}packages/widget/dist`),
    demo: existing(`${repoRoot}demo/dist`),
    dashboard: existing(`${repoRoot}packages/dashboard/dist`),
  };
}
