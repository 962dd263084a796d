/**
 * The pause between two polls of a local stand-in, cut short when it stops: a stack (one per
 * integration test file) then stops at once instead of waiting out its pollers' intervals.
 */
export function pauses() {
  let wake: (() => void) | undefined;
  return {
    pause(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
    wake(): void {
      wake?.();
    },
  };
}
