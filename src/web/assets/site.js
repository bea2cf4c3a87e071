// Starts govuk-frontend's components (service navigation toggle, details, tabs…). Everything works
// without it: pages are complete as served, this only improves them.
import { initAll } from './govuk-frontend.min.js';

initAll();
