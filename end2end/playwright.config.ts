import { defineConfig } from "@playwright/test";

// The server under test is the release binary built by `cargo leptos build --release`.
// scripts/test.sh picks free ports so the tests never run against something else.
const port = Number(process.env.E2E_PORT ?? 3005);
const hostPort = Number(process.env.E2E_HOST_PORT ?? 3006);
const strictPort = Number(process.env.E2E_STRICT_PORT ?? port + 2);
const server = process.env.E2E_SERVER ?? "../target/release/orchestration-advisor";
const siteRoot = process.env.E2E_SITE_ROOT ?? "../target/site";

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "no-js", use: { javaScriptEnabled: false } },
  ],
  webServer: [
    {
      command: `${server} --addr 127.0.0.1:${port} --site-root ${siteRoot} --public-url http://127.0.0.1:${port}`,
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { RUST_LOG: "warn" },
    },
    {
      // The same server, but framing of /embed limited to an origin that is not the test host.
      command: `${server} --addr 127.0.0.1:${strictPort} --site-root ${siteRoot} --embed-origins https://wiki.example.com`,
      url: `http://127.0.0.1:${strictPort}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { RUST_LOG: "warn" },
    },
    {
      // A host page on another origin (another port) that frames the embed views.
      command: `node host-server.mjs ${hostPort}`,
      url: `http://127.0.0.1:${hostPort}/healthz`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
  ],
});
