// A stand-in for a wiki: serves pages that frame a URL given in the query string, using the
// auto-height snippet from the README. Test tooling only.
import http from "node:http";

const port = Number(process.argv[2] ?? 3006);

const page = (src) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Host wiki</title></head>
<body>
<h1>Team wiki</h1>
<iframe id="advisor" src="${src.replaceAll('"', "&quot;")}" title="Orchestration Advisor" width="100%" height="300" style="border:0"></iframe>
<script>
  window.heights = [];
  addEventListener("message", (e) => {
    if (e.data?.type !== "orchestration-advisor:height") return;
    const f = document.getElementById("advisor");
    if (f.contentWindow !== e.source) return;
    window.heights.push(e.data.height);
    f.style.height = e.data.height + "px";
  });
</script>
</body></html>`;

http
  .createServer((req, res) => {
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    if (url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    const src = url.searchParams.get("src") ?? "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(src));
  })
  .listen(port, "127.0.0.1");
