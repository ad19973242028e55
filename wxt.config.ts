import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEFAULT_SITE_MATCHES } from './utils/sites';

const TOOLBAR_ICON = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every module imports what it uses; auto-imports only added globals and duplicate-name warnings.
  imports: false,
  // JSON as JSON.parse("…"): V8 parses that much faster than the same data as object literals,
  // and every page pays for parsing the glossary in the content script.
  vite: () => ({
    plugins: [preact()],
    json: { stringify: true },
    // BEGRIP_PROFILE=1: readable function names in CPU profiles (never for a release).
    build: process.env.BEGRIP_PROFILE ? { minify: false } : {},
  }),
  // The sources package for AMO (`wxt zip -b firefox`) holds every file but dotfiles and
  // node_modules; WXT does not read .gitignore, so what it lists stays out here too.
  zip: { excludeSources: ['screenshots/**', 'coverage/**', 'test-results/**', 'tmp/**', '**/*.log'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Fewest permissions that work: storage for settings, contextMenus for "Look up … in Begrip",
    // activeTab to see which site the popup was opened on, scripting to run Begrip on sites the
    // user adds; host permissions only for the default government sites. Other https sites are
    // asked for one by one, when the user switches Begrip on there.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // The toolbar icon (public/icon/*.png, made from public/icon.svg by `npm run icons`); WXT
    // lists the same files as the extension's icons.
    action: { default_icon: TOOLBAR_ICON },
    host_permissions: DEFAULT_SITE_MATCHES,
    optional_host_permissions: ['https://*/*'],
    // Keyboard shortcuts as commands, so readers can change them in the browser (chrome://extensions/
    // shortcuts; Firefox: Manage Extension Shortcuts). Alt+Period / Alt+Comma: Alt+Shift switches the
    // keyboard layout on Windows, and Alt with a punctuation key opens no menu.
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Period' },
        description: '__MSG_commandNextTerm__',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Comma' },
        description: '__MSG_commandPreviousTerm__',
      },
      // Alt+I: no browser uses it, and no menu of Firefox or Chrome has I as its access key.
      'toggle-inline': {
        suggested_key: { default: 'Alt+I' },
        description: '__MSG_commandToggleInline__',
      },
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        description: '__MSG_commandOpen__',
      },
    },
    // Terms are CSS Custom Highlights found under the pointer with caretPositionFromPoint: Chromium 128.
    ...(browser !== 'firefox' && { minimum_chrome_version: '128' }),
    // Messages as structured clones, as Firefox always sends them (Chrome 148+; older versions keep
    // JSON): a page's text reaches the background without being escaped and re-encoded on the way.
    ...(browser !== 'firefox' && { message_serialization: 'structured_clone' }),
    ...(browser === 'firefox'
      ? {
          browser_action: { default_icon: TOOLBAR_ICON },
          // MV2 has no optional_host_permissions: origins go in optional_permissions.
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'begrip@begrip.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
