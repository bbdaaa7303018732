/** Path of a Chromium binary: CHROMIUM_PATH, or Debian's package; undefined when there is none. */
export function chromiumPath(): string | undefined;
/** How to install Chromium, for error messages. */
export function installHint(): string;
