// The sandbox page's shared state and plumbing: who is acting, what is shown, and how the page talks to the sandbox.
// surfaces.js draws, panels.js adds the extensions' side panels, sandbox.js wires it all up.
"use strict";

const Sandbox = (() => {
  // Drawn, not an emoji: the page must read the same on machines without an emoji font.
  const LOCK_SVG = '<svg width="11" height="12" viewBox="0 0 11 12" aria-hidden="true"><rect x="1" y="5" width="9" height="7" rx="1" fill="currentColor"/><path d="M3 5V3.5a2.5 2.5 0 0 1 5 0V5" stroke="currentColor" stroke-width="1.5" fill="none"/></svg>';
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);

  const page = {
    me: params.get("as") || localStorage.getItem("sandbox.as") || "U0YOU",
    where: { kind: "channel", id: "C0GENERAL" },
    state: null,
    drawn: { messages: "", home: "", modal: "", notices: "", sidebar: "" },
  };
  if (params.get("channel")) page.where = { kind: "channel", id: params.get("channel") };
  if (params.get("view") === "home") page.where = { kind: "app", tab: "home" };
  else if (params.get("view")) page.where = { kind: "panel", id: params.get("view") };

  async function post(path, body) {
    const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    return response.json();
  }

  function status(text) {
    $("composer-status").textContent = text;
  }

  return { $, LOCK_SVG, page, post, status };
})();
