import { reportSuite } from '../support/report-suite';

/** Issue 27 under infra/config/provinces/quangninh.json: every report kind's figures against the test's own count. */
reportSuite('infra/config/provinces/quangninh.json');
