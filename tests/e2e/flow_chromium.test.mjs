// The Ask / Decline workflow (flow_suite.mjs) in Debian's Chromium, through playwright-core.
import { define_flow_suite } from './flow_suite.mjs';
import { launch_chromium } from './extension_browsers.mjs';

define_flow_suite('chromium', launch_chromium);
