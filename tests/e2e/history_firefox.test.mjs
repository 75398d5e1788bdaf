// The history page (history_suite.mjs) in Debian's Firefox ESR.
import { define_history_suite } from './history_suite.mjs';
import { launch_firefox } from './extension_browsers.mjs';

define_history_suite('firefox', launch_firefox);
