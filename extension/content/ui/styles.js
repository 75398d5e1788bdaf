// The annotation's and the toast's styles, as text adopted inside their shadow roots: no <link>
// to an extension address ever enters the page, and LinkedIn's CSS cannot reach inside.
// Colours carry the verdict together with its word (never colour alone); both themes are here and
// the host's data-theme (set from the page's own background) picks one. The verdict that picks
// the colours sits on the .vouch element inside the annotation's closed root, never on the host.
globalThis.VouchStyles = (() => {
  const THEMES = `
    :host { color-scheme: light; --fg:#1d2226; --muted:#56687a; --bg:#ffffff; --line:#d0d7de; --focus:#0a66c2;
            --accept:#057642; --ask:#915907; --decline:#b24020; --ignore:#56687a; --unknown:#56687a;
            --against:#8f3f97; --soft:#eef3f8; }
    :host([data-theme="dark"]) { color-scheme: dark; --fg:#e9e9e9; --muted:#b0b7bf; --bg:#1d2226; --line:#38434f; --focus:#71b7fb;
            --accept:#5fc28b; --ask:#e6b450; --decline:#f5987e; --ignore:#b0b7bf; --unknown:#b0b7bf;
            --against:#e3a6ea; --soft:#263341; }
  `;
  const ANNOTATION = `${THEMES}
    :host { all: initial; display: block; margin: 6px 0; color: var(--fg);
            font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    * { box-sizing: border-box; font: inherit; }
    [hidden] { display: none !important; }
    .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    button { cursor: pointer; border-radius: 12px; padding: 2px 10px; border: 1px solid var(--line);
             background: var(--bg); color: var(--fg); min-height: 24px; }
    button:focus-visible, textarea:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
    .badge { display: inline-flex; gap: 6px; align-items: center; border-color: var(--v); }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--v); flex: none; }
    .verdict { color: var(--v); font-weight: 600; }
    .muted { color: var(--muted); }
    .act { border-color: var(--v); color: var(--v); font-weight: 600; }
    .vouch[data-verdict="accept"] { --v: var(--accept); }
    .vouch[data-verdict="ask"] { --v: var(--ask); }
    .vouch[data-verdict="decline"] { --v: var(--decline); }
    .vouch[data-verdict="ignore"] { --v: var(--ignore); }
    .vouch[data-verdict="unknown"] { --v: var(--unknown); }
    .panel { margin-top: 6px; padding: 10px; border: 1px solid var(--line); border-radius: 8px;
             background: var(--bg); max-width: 560px; }
    .panel h3 { margin: 0 0 4px; font-weight: 600; font-size: 13px; }
    ul { margin: 0 0 8px; padding-left: 18px; }
    li { margin: 2px 0; }
    q { background: rgba(255,196,0,.35); color: inherit; quotes: "\\201C" "\\201D"; }
    li.against { color: var(--against); }
    li.against::marker { content: "\\2212  "; }
    .against-tag { display: inline-block; margin-right: 4px; padding: 0 5px; border: 1px solid var(--against); border-radius: 4px;
                   font-size: 11px; line-height: 16px; text-transform: uppercase; letter-spacing: .03em; }
    .sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; border: 0; }
    .correct { margin: 0 0 10px; }
    .not-right { color: var(--muted); }
    .categories { margin-top: 6px; }
    .categories .hint { margin: 0 0 4px; color: var(--muted); }
    .choices { display: flex; flex-wrap: wrap; gap: 6px; }
    .category[aria-pressed="true"] { background: var(--soft); border-color: var(--focus); font-weight: 600; }
    button:disabled { opacity: .6; cursor: default; }
    textarea { width: 100%; min-height: 84px; resize: vertical; padding: 6px; border: 1px solid var(--line);
               border-radius: 6px; background: var(--bg); color: var(--fg); }
    .status { color: var(--muted); min-height: 1em; }
  `;
  const TOAST = `${THEMES}
    :host { all: initial; position: fixed; z-index: 2147483646; left: 50%; bottom: 24px; transform: translateX(-50%);
            font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .toast { display: flex; gap: 12px; align-items: center; padding: 10px 14px; border-radius: 8px;
             background: var(--fg); color: var(--bg); box-shadow: 0 4px 16px rgba(0,0,0,.3); max-width: 90vw; margin-top: 8px; }
    button { font: inherit; cursor: pointer; border: 1px solid currentColor; border-radius: 12px; padding: 2px 10px;
             background: transparent; color: inherit; }
    button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
  `;

  // One constructed sheet per CSS text, shared by every shadow root that adopts it: a page of 100
  // cards parses the annotation's CSS once, not 100 times.
  const sheets = new Map();
  function sheet_for(css) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    return sheet;
  }

  /** Parses a sheet ahead of its first use (where constructed sheets exist). */
  function preload(css) {
    try {
      sheet_for(css);
    } catch {
      // adopt() falls back to a <style> text
    }
  }

  /**
   * Gives a shadow root its styles, or adds a sheet to the document's own: a shared constructed
   * sheet where possible, else a <style> text (text only, no address).
   */
  function adopt(root, css) {
    const is_document = root.nodeType === Node.DOCUMENT_NODE;
    try {
      const sheet = sheet_for(css);
      root.adoptedStyleSheets = is_document ? [...root.adoptedStyleSheets, sheet] : [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = css;
      (is_document ? root.head || root.documentElement : root).append(style);
    }
  }

  /** 'dark' when the nearest painted background behind `el` is dark, else 'light'. */
  function theme_for(el) {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const m = getComputedStyle(node).backgroundColor.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
      if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
        const luminance = 0.2126 * m[1] + 0.7152 * m[2] + 0.0722 * m[3];
        return luminance < 128 ? 'dark' : 'light';
      }
    }
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  return Object.freeze({ ANNOTATION, TOAST, adopt, preload, theme_for });
})();
