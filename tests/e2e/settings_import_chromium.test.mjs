// The settings file's suite (settings_import_suite.mjs) in Debian's Chromium, through playwright-core.
import { define_settings_suite } from './settings_import_suite.mjs';
import { launch_chromium } from './extension_browsers.mjs';

define_settings_suite('chromium', launch_chromium);
