// The island loader, inlined on pages with an island as `(loader)(jsUrl, wasmUrl, modelUrl)`. It takes
// the place of Leptos's `HydrationScripts`, which hydrates as soon as the browser is idle
// after load; this one hydrates on the reader's first sign of use instead.
//
// The server-rendered page is complete: its result, links and copy buttons work without the
// wasm, so a reader who only reads a shared result never pays for hydration. Once the page
// has loaded and the browser is idle, the glue, the wasm and the model are fetched, and the
// wasm compiled, in the background (compilation runs off the main thread), unless the
// browser asks to save data. The model is one content-hashed asset that every page shares,
// so the browser keeps one copy. The first pointer, touch, focus or key event inside an
// island fetches whatever is missing, puts the model in the page as a data block
// (`#model-data`, where the islands read it), instantiates the wasm and hydrates the
// islands; answers given before that are read from the form then, so none are lost. If that
// fails, the page stays a plain page whose forms submit.
//
// Inlined with each line trimmed and comment lines dropped (`shell::island_loader`), so keep
// comments on lines of their own and no string across lines.
//
// Our islands are never nested, so each `leptos-island` is hydrated in document order
// (Leptos's own loader also walks islands inside islands' children).
(js, wasm, model) => {
  // A route with islands can still render a page without one (the 404 for a damaged short
  // link), which needs none of this. Module scripts run once the document is parsed.
  if (!document.querySelector("leptos-island")) return;
  const INTENT = ["pointerover", "pointerdown", "touchstart", "focusin", "keydown"];
  let glue;
  let compiled;
  let data;
  const text = () =>
    fetch(model).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${model}: HTTP ${r.status}`))));
  const warm = () => {
    glue ??= import(js);
    compiled ??= WebAssembly.compileStreaming(fetch(wasm));
    data ??= text();
    // A failure here (say, the reader went offline) is not an error yet: first use retries.
    for (const p of [glue, compiled, data]) p.catch(() => {});
  };
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const type of INTENT) removeEventListener(type, onIntent, true);
    warm();
    glue.catch(() => import(js)).then(async (mod) => {
      const block = document.createElement("script");
      block.type = "application/octet-stream";
      block.id = "model-data";
      block.textContent = await data.catch(text);
      document.body.append(block);
      // A failed background compile is retried by URL.
      await mod.default({ module_or_path: compiled.catch(() => fetch(wasm)) });
      mod.hydrate();
      window.__hydrateIsland = (el, id) => hydrateIsland(el, id, mod);
      for (const el of document.querySelectorAll("leptos-island")) {
        await hydrateIsland(el, el.dataset.component || null, mod);
      }
    }).catch((error) => {
      // The retry failed too (a proxy that blocks wasm, say): the forms are still plain GET
      // forms, so show their submit buttons again (`html.no-island` in theme.css).
      document.documentElement.classList.add("no-island");
      console.warn("The live advisor could not start; its form submits as a plain form.", error);
    });
  };
  async function hydrateIsland(el, id, mod) {
    const island = mod[id];
    if (!island) {
      console.warn(`Could not find WASM function for the island ${id}.`);
      return;
    }
    await island(el);
  }
  function onIntent(event) {
    if (event.target instanceof Element && event.target.closest("leptos-island")) start();
  }
  for (const type of INTENT) addEventListener(type, onIntent, { capture: true, passive: true });
  const idle = (f) => ("requestIdleCallback" in window ? requestIdleCallback(f) : setTimeout(f, 1));
  // A reader whose browser asks to save data (Chromium's `navigator.connection.saveData`, sent
  // as `Save-Data: on`) fetches nothing until first use.
  if (navigator.connection?.saveData !== true) {
    if (document.readyState === "complete") idle(warm);
    else addEventListener("load", () => idle(warm), { once: true });
  }
  // Focus already inside an island (autofocus, or a reader tabbing in early) counts too.
  if (document.activeElement?.closest?.("leptos-island")) start();
}
