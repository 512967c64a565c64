// The side panels the app's sandbox extensions add (under Tools): a text box, presets for it, and buttons whose
// actions the sandbox's server performs on the text, showing what they answered.
"use strict";

Sandbox.panels = (() => {
  const { el } = BlockKit;
  const { $, status } = Sandbox;
  let panels = [];

  async function load() {
    const response = await fetch("/sandbox/ui/panels");
    panels = response.ok ? await response.json() : [];
    $("tools-heading").hidden = panels.length === 0;
    $("panels").replaceChildren(...panels.map((p) => el("li", {}, el("button", {
      type: "button", class: "nav", id: `nav-${p.id}`, onclick: () => Sandbox.go({ kind: "panel", id: p.id }),
    }, p.icon ? el("span", { "aria-hidden": "true" }, p.icon) : null, ` ${p.title}`))));
    for (const p of panels) $("composer").before(section(p));
  }

  function section(p) {
    const id = (part) => `panel-${p.id}-${part}`;
    const text = el("textarea", { id: id("text"), rows: "22", spellcheck: "false" });
    const result = el("pre", { id: id("result"), class: "panel-result", role: "status", "aria-label": p.result_label });
    const presets = el("select", { id: id("preset"), onchange: (e) => { text.value = p.presets[Number(e.target.value)].text; } },
      p.presets.map((preset, i) => el("option", { value: String(i) }, preset.name)));
    if (p.presets.length) text.value = p.presets[0].text;
    const buttons = p.actions.map((action) => el("button", {
      type: "button", class: `bk-button${action.is_primary ? " primary" : ""}`, onclick: () => perform(p, action, text, result),
    }, action.label));
    return el("section", { id: `panel-${p.id}`, class: "panel", "aria-label": p.title, hidden: true },
      p.intro ? el("p", { class: "mrkdwn", html: BlockKit.mrkdwn(p.intro, { members: [], channels: [] }) }) : null,
      p.presets.length ? [el("label", { for: id("preset") }, p.presets_label), presets] : null,
      el("label", { for: id("text") }, p.text_label),
      text,
      el("div", { class: "row" }, buttons),
      result);
  }

  async function perform(panel, action, text, result) {
    if (action.pending !== null) {
      result.className = "panel-result";
      result.textContent = action.pending;
    }
    const response = await fetch(`/sandbox/ui/panels/${panel.id}/${action.id}`, { method: "POST", body: text.value });
    if (!response.ok) {
      status(`${action.label} failed: HTTP ${response.status}`);
      return;
    }
    const answer = await response.json();
    if (answer.output !== null) {
      result.className = `panel-result ${answer.succeeded ? "ok" : "error"}`;
      result.textContent = answer.output;
    }
    if (answer.text !== null) text.value = answer.text;
    if (answer.status !== null) status(answer.status);
  }

  // Shows the panel `where` names (if any) and hides the others.
  function show(where) {
    for (const p of panels) $(`panel-${p.id}`).hidden = !(where.kind === "panel" && where.id === p.id);
  }

  function drawNav(where) {
    for (const p of panels) $(`nav-${p.id}`).setAttribute("aria-current", where.kind === "panel" && where.id === p.id ? "page" : "false");
  }

  function title(id) {
    const panel = panels.find((p) => p.id === id);
    return panel ? panel.title : "Unknown panel";
  }

  return { load, show, drawNav, title };
})();
