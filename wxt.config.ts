import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEFAULT_SITE_MATCHES } from './utils/sites';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // JSON as JSON.parse("…"): V8 parses that much faster than the same data as object literals,
  // and every page pays for parsing the glossary in the content script.
  vite: () => ({ plugins: [preact()], json: { stringify: true } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Fewest permissions that work: storage for settings, contextMenus for "Look up … in Begrip",
    // and the default government sites as host permissions (where the content script runs).
    permissions: ['storage', 'contextMenus'],
    host_permissions: DEFAULT_SITE_MATCHES,
    ...(browser === 'firefox'
      ? {
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
