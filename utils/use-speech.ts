/** The "Say it" buttons for the popup's and the options' entry views (utils/speech.ts). */
import { useEffect, useState } from 'preact/hooks';
import type { EntryViewProps } from '../components/EntryView';
import { t } from './i18n';
import { canSpeak, speak, voicesReady } from './speech';

/** The entry view's `speak` prop once the browser has listed its voices; none without a voice. */
export function useSpeak(): EntryViewProps['speak'] {
  const [languages, setLanguages] = useState<('nl' | 'en')[]>([]);
  useEffect(() => {
    let live = true;
    void voicesReady().then(() => {
      if (live) setLanguages((['nl', 'en'] as const).filter(canSpeak));
    });
    return () => {
      live = false;
    };
  }, []);
  if (!languages.length) return undefined;
  return { languages, say: speak, labels: { nl: t('glossSayDutch'), en: t('glossSayEnglish') } };
}
