/**
 * "Say it": the browser's own speech synthesis speaks a term, in Dutch or English. Only voices
 * that run on the device (localService) are used: a network voice would send the term to a
 * speech service, and Begrip makes no network requests. No voice for a language: no button.
 */

function voiceFor(lang: 'nl' | 'en'): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  const voices = speechSynthesis.getVoices().filter((voice) => voice.localService);
  const matching = voices.filter((voice) => voice.lang.toLowerCase().replace('_', '-').startsWith(lang));
  // A voice of the language's home country first (nl-NL before nl-BE, en-GB or en-US alike).
  return matching.find((voice) => /^nl-nl|^en-(gb|us)/i.test(voice.lang)) ?? matching[0] ?? null;
}

/** Whether a term can be spoken in `lang` on this device. */
export function canSpeak(lang: 'nl' | 'en'): boolean {
  return voiceFor(lang) !== null;
}

/** Speak `text` in `lang` (the previous utterance stops). */
export function speak(text: string, lang: 'nl' | 'en'): void {
  const voice = voiceFor(lang);
  if (!voice) return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  // The voice object the browser listed (a page or test may list look-alikes: then the language).
  if (typeof SpeechSynthesisVoice === 'function' && voice instanceof SpeechSynthesisVoice)
    utterance.voice = voice;
  utterance.lang = voice.lang;
  speechSynthesis.speak(utterance);
}

/**
 * Resolves when the browser has listed its voices (Chromium lists them only after a while), or
 * after `ms`: the gloss and entry view then show the buttons that can work.
 */
export function voicesReady(ms = 1500): Promise<void> {
  if (typeof speechSynthesis === 'undefined' || speechSynthesis.getVoices().length) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => resolve();
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, ms);
  });
}
