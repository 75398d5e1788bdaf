// The Ask / Decline workflow (flow_suite.mjs) in Debian's Firefox ESR, through puppeteer-core over WebDriver BiDi.
import { define_flow_suite } from './flow_suite.mjs';
import { launch_firefox } from './extension_browsers.mjs';

define_flow_suite('firefox', launch_firefox);
