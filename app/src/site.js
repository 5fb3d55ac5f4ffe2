// Orchestration Advisor's site script: the small behaviours every page shares, outside the
// advisor's island (which is Rust compiled to wasm). Loaded as a module on every page; the
// pages work without it.
//
// - marks the page as scripted (`html.js`), which shows the controls that need JavaScript;
// - the theme toggle (`[data-theme-toggle]`), remembered in localStorage;
// - copy buttons: `[data-copy-text]` copies the attribute, `[data-copy-url]` the text at a URL;
// - forms marked `[data-autosubmit]` submit on every change;
// - marks keyboard focus shown on anything but the advisor's pinned verdict (`html.focus-shown`),
//   which releases the verdict to its place so it never covers the focused control;
// - inside a frame, reports the page's height to the host page so the frame can follow it,
//   growing and shrinking (`{ type: "orchestration-advisor:height", height, path }`), and
//   points its "Open the full view" link (`[data-full-view]`) at the answers the frame holds now.

const root = document.documentElement;
root.classList.add("js");

// One polite live region announces what a click did.
const status = document.createElement("div");
status.setAttribute("role", "status");
status.setAttribute("aria-live", "polite");
status.className = "sr-only";
status.id = "site-status";
document.body.append(status);
const say = (text) => {
  status.textContent = "";
  setTimeout(() => (status.textContent = text), 50);
};

function toggleTheme() {
  const systemDark = matchMedia("(prefers-color-scheme: dark)").matches;
  const dark = root.classList.contains("dark") || (!root.classList.contains("light") && systemDark);
  const next = dark ? "light" : "dark";
  root.classList.remove("light", "dark");
  root.classList.add(next);
  try {
    localStorage.setItem("theme", next);
  } catch (_) {}
  say(next === "dark" ? "Dark theme" : "Light theme");
}

async function copy(button) {
  try {
    if (button.dataset.copyUrl !== undefined) {
      // Hand the clipboard a promise, so the click's permission covers the fetch.
      const text = fetch(button.dataset.copyUrl).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.blob();
      });
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": text })]);
    } else {
      await navigator.clipboard.writeText(button.dataset.copyText ?? "");
    }
    button.dataset.copied = "true";
    say("Copied");
  } catch (e) {
    say("Could not copy: " + e.message);
  }
}

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (target.closest("[data-theme-toggle]")) return toggleTheme();
  const button = target.closest("[data-copy-text], [data-copy-url]");
  if (button) copy(button);
});

document.addEventListener("change", (event) => {
  const form = event.target instanceof Element ? event.target.closest("form[data-autosubmit]") : null;
  if (form) form.requestSubmit();
});

// Keyboard focus shown (`:focus-visible`) on anything but the pinned verdict releases the
// verdict (`html.focus-shown` in theme.css). This was a CSS `:has(:focus-visible)` before, but
// Chrome matched that selector over the whole page on every focus change: a click on an answer
// moves focus twice, and that took 3–4 ms of the answer under a 4× CPU throttle. A key pressed
// on a control focused by the mouse can make its focus shown too, hence the check after keys.
const focusShown = () => {
  const el = document.activeElement;
  const shown = el instanceof Element && el !== document.body && !el.closest(".pinned-verdict") && el.matches(":focus-visible");
  root.classList.toggle("focus-shown", shown);
};
addEventListener("focusin", focusShown);
addEventListener("focusout", (event) => {
  if (!event.relatedTarget) root.classList.remove("focus-shown");
});
addEventListener("keydown", () => setTimeout(focusShown));

// Inside a frame the islands keep the frame's URL in step with each answer, but the
// server-rendered "Open the full view" link still holds the answers the frame was loaded
// with: point it at the current ones (this page outside the frame, without the frame's
// theme) when the reader reaches for it. The query is kept as written, pairs only dropped.
const fullView = (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[data-full-view]") : null;
  if (!link) return;
  const path = location.pathname.replace(/^\/embed(?=\/|$)/, "") || "/";
  const query = location.search
    .slice(1)
    .split("&")
    .filter((pair) => pair && !/^theme(=|$)/.test(pair))
    .join("&");
  link.setAttribute("href", query ? `${path}?${query}` : path);
};
for (const type of ["pointerdown", "focusin", "click"]) document.addEventListener(type, fullView, true);

// Frame height: the content's own height (never the viewport's), sent when it changes.
const frame = document.querySelector("[data-embed]");
if (frame && window.parent !== window) {
  let sent = 0;
  let queued = false;
  const send = () => {
    queued = false;
    const height = Math.ceil(frame.getBoundingClientRect().height);
    if (Math.abs(height - sent) < 1) return;
    sent = height;
    window.parent.postMessage(
      { type: "orchestration-advisor:height", height, path: location.pathname + location.search },
      "*",
    );
  };
  const queue = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(send);
    }
  };
  new ResizeObserver(queue).observe(frame);
  addEventListener("load", queue);
  queue();
}
