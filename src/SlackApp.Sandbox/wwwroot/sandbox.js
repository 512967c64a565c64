// The sandbox page: a sidebar, a conversation or the app's Home tab, modals, and the extensions' side panels, redrawn
// from /sandbox/ui/state (long-polled) after every change in the workspace.
"use strict";

(() => {
  const { $, page, post, status } = Sandbox;
  const draw = Sandbox.draw;

  // ---- doing -------------------------------------------------------------------------------------------------------

  async function act(action) {
    const outcome = await post("/sandbox/ui/action", { as: page.me, ...action });
    if (!outcome.ok) status(`The click was not delivered: ${outcome.error}`);
    refresh();
  }

  function go(where) {
    page.where = where;
    status("");
    if (where.kind === "app" && where.tab === "home") post("/sandbox/ui/open-app", { as: page.me, tab: "home" });
    if (where.kind === "app" && where.tab === "messages") post("/sandbox/ui/open-app", { as: page.me, tab: "messages" });
    draw();
  }

  $("tab-home").addEventListener("click", () => go({ kind: "app", tab: "home" }));
  $("tab-messages").addEventListener("click", () => go({ kind: "app", tab: "messages" }));
  // Slack shows each person only their own conversations: what the previous person saw (their DM with the app,
  // their Home tab, their modal) is cleared at once, not left clickable until the new person's state arrives.
  $("acting-as").addEventListener("change", (e) => {
    page.me = e.target.value;
    localStorage.setItem("sandbox.as", page.me);
    page.state = null;
    page.drawn = { messages: "", home: "", modal: "", notices: "", sidebar: "" };
    for (const id of ["messages", "home", "modal-root", "confirm-root", "channels", "apps"]) $(id).replaceChildren();
    refresh().then(() => go(page.where));
  });

  // Slack's deep links (slack://app?team=…&id=…&tab=…, slack://channel?team=…&id=…) open in the sandbox when they
  // point into it; other links open in a new tab.
  function openUrl(url) {
    let link;
    try {
      link = new URL(url);
    } catch {
      return status(`Not a link: ${url}`);
    }
    if (link.protocol !== "slack:") return window.open(url, "_blank", "noopener");
    const s = page.state;
    const team = link.searchParams.get("team");
    const id = link.searchParams.get("id");
    if (team !== s.team.id) return status(`This link leads to another workspace (${team}).`);
    if (link.host === "app" && id === s.app.id) return go({ kind: "app", tab: link.searchParams.get("tab") === "messages" ? "messages" : "home" });
    if (link.host === "channel" && s.channels.some((c) => c.id === id && !c.is_im)) return go({ kind: "channel", id });
    status(`The sandbox cannot open ${url}`);
  }

  $("composer").addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = $("composer-input");
    const text = input.value;
    if (!text.trim()) return;
    const channel = page.where.kind === "app" ? page.state.app.dm : page.where.id;
    const outcome = await post("/sandbox/ui/compose", { as: page.me, channel, text });
    if (outcome.ok) {
      input.value = "";
      status("");
    } else {
      status(outcome.error);
    }
    refresh();
  });
  $("composer-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      $("composer").requestSubmit();
    }
  });

  // ---- state -------------------------------------------------------------------------------------------------------

  async function fetchState(since) {
    const query = new URLSearchParams({ as: page.me });
    if (since !== undefined) query.set("since", String(since));
    const response = await fetch(`/sandbox/ui/state?${query}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  // refresh() and poll() race: an answer older than the state already drawn (say, from before a modal opened)
  // must not be drawn over it, or the page would close the modal and reopen it empty.
  function apply(next) {
    if (next.me !== page.me) return;
    if (page.state && page.state.me === next.me && next.version < page.state.version) return;
    page.state = next;
    draw();
  }

  async function refresh() {
    apply(await fetchState());
  }

  async function poll() {
    for (;;) {
      try {
        apply(await fetchState(page.state ? page.state.version : undefined));
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  Sandbox.act = act;
  Sandbox.go = go;
  Sandbox.openUrl = openUrl;
  Sandbox.refresh = refresh;

  Promise.all([refresh(), Sandbox.panels.load()]).then(() => {
    go(page.where);
    document.body.dataset.ready = "true";
    poll();
  });
})();
