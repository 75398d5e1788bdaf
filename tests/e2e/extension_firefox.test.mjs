// The extension suite (extension_suite.mjs) in Debian's Firefox ESR, through puppeteer-core
// over WebDriver BiDi.
import { define_suite } from './extension_suite.mjs';
import { launch_firefox } from './extension_browsers.mjs';

define_suite('firefox', launch_firefox);
