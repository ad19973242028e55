/**
 * Runs `next` in a later task of the event loop, through a MessageChannel: no clamp to 4 ms as
 * nested setTimeout calls get, which adds up over hundreds of turns. Works in pages, content
 * scripts, service workers and Firefox's background page.
 */
export function nextTask(next: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    next();
  };
  channel.port2.postMessage(null);
}
