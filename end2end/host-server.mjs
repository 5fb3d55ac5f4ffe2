// A stand-in for a wiki on another origin (another port): serves pages that frame a URL given
// in the query string, with the auto-height snippet as the README gives it. Test tooling only.
//
//   /?src=URL         a wiki page with one frame (#advisor) of URL, following its height
//   /nested?src=URL   a wiki page whose frame (#middle) is sandboxed (allow-scripts
//                     allow-same-origin, so it keeps the wiki's origin) and itself frames URL: a
//                     wiki that puts user content in a sandboxed frame of its own
//   /opaque?src=URL   the same with allow-scripts only: the middle frame has an opaque origin,
//                     which no frame-ancestors source can match
//   /middle?src=URL   that middle page
//   /healthz          readiness for Playwright's webServer
import http from "node:http";

const port = Number(process.argv[2] ?? 3006);

const attr = (s) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** A page with one frame of `src` and the README's auto-height snippet for it. */
const hostPage = (title, src, frameAttrs = "") => {
  let origin = "";
  try {
    origin = new URL(src).origin;
  } catch {}
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${attr(title)}</title></head>
<body>
<h1>${attr(title)}</h1>
<iframe id="advisor" src="${attr(src)}" title="Orchestration Advisor" width="100%" height="300" style="border:0" ${frameAttrs}></iframe>
<script>
  window.heights = [];
  window.ignored = 0;
  const origin = ${JSON.stringify(origin)};
  addEventListener("message", (e) => {
    // As the README's snippet: only the advisor's origin, only its message type, only its frame.
    if (e.origin !== origin || e.data?.type !== "orchestration-advisor:height") { window.ignored++; return; }
    const f = document.getElementById("advisor");
    if (f.contentWindow !== e.source) { window.ignored++; return; }
    window.heights.push(e.data.height);
    f.style.height = e.data.height + "px";
  });
</script>
</body></html>`;
};

const nestedPage = (src, sandbox) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Host wiki (sandboxed content)</title></head>
<body>
<h1>Team wiki</h1>
<iframe id="middle" sandbox="${sandbox}" src="/middle?src=${attr(encodeURIComponent(src))}" title="User content" width="100%" height="800" style="border:0"></iframe>
</body></html>`;

http
  .createServer((req, res) => {
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    const src = url.searchParams.get("src") ?? "";
    const html = (body) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    switch (url.pathname) {
      case "/healthz":
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        return;
      case "/nested":
        html(nestedPage(src, "allow-scripts allow-same-origin"));
        return;
      case "/opaque":
        html(nestedPage(src, "allow-scripts"));
        return;
      case "/middle":
        html(hostPage("Sandboxed content", src));
        return;
      default:
        html(hostPage("Team wiki", src));
    }
  })
  .listen(port, "127.0.0.1");
