// Drawing the page from the state: the sidebar, notices, a conversation or the app's Home tab, and modals. Each part
// is redrawn only when what it shows changed.
"use strict";

Sandbox.draw = (() => {
  const { el, render, collect } = BlockKit;
  const { $, LOCK_SVG, page, post } = Sandbox;

  function ctxFor(surface, extra = {}) {
    return {
      surface,
      members: page.state.members,
      channels: page.state.channels,
      confirm: askConfirm,
      openUrl: (url) => Sandbox.openUrl(url),
      ...extra,
    };
  }

  function draw() {
    const s = page.state;
    if (!s) return;
    $("workspace-name").textContent = s.team.name;
    drawSwitcher();
    drawSidebar();
    drawNotices();
    drawPane();
    drawModal();
  }

  function drawSwitcher() {
    const select = $("acting-as");
    const key = page.state.members.map((m) => m.id).join() + page.me;
    if (select.dataset.key === key) return;
    select.dataset.key = key;
    select.replaceChildren(...page.state.members.filter((m) => !m.is_bot).map((m) =>
      el("option", { value: m.id, selected: m.id === page.me }, `${m.real_name} — ${m.title}`)));
  }

  function drawSidebar() {
    const s = page.state;
    const key = JSON.stringify([s.channels, page.where, s.me]);
    if (page.drawn.sidebar === key) return;
    page.drawn.sidebar = key;
    const current = (match) => (match ? "page" : null);
    $("apps").replaceChildren(el("li", {}, el("button", {
      type: "button", class: "nav", "aria-label": `${s.app.name} app`, "aria-current": current(page.where.kind === "app"),
      onclick: () => Sandbox.go({ kind: "app", tab: "home" }),
    }, el("span", { class: "app-icon", "aria-hidden": "true" }, s.app.name.slice(0, 1)), ` ${s.app.name}`)));
    $("channels").replaceChildren(...s.channels.filter((c) => !c.is_im).map((c) => el("li", {}, el("button", {
      type: "button",
      class: `nav${c.is_archived ? " archived" : ""}`,
      "aria-label": `#${c.name}${c.is_private ? " (private)" : ""}${c.is_archived ? " (archived)" : ""}`,
      "aria-current": current(page.where.kind === "channel" && page.where.id === c.id),
      title: c.is_private ? (c.app_is_member ? "Private channel, the app is a member" : "Private channel, the app is not in it") : c.is_archived ? "Archived channel" : "Public channel",
      onclick: () => Sandbox.go({ kind: "channel", id: c.id }),
    }, el("span", { class: "channel-icon", "aria-hidden": "true", html: c.is_private ? LOCK_SVG : "#" }), ` ${c.name}`))));
    Sandbox.panels.drawNav(page.where);
  }

  function drawNotices() {
    const notices = page.state.notices;
    const key = JSON.stringify(notices);
    if (page.drawn.notices === key) return;
    page.drawn.notices = key;
    $("notices").replaceChildren(...notices.map((n) => el("div", { class: "notice", role: "alert" },
      el("div", {}, el("strong", {}, n.title), el("ul", {}, n.details.map((d) => el("li", {}, d)))),
      el("button", { type: "button", class: "bk-button", onclick: () => post(`/sandbox/ui/notices/${n.id}/dismiss`, {}) }, "Dismiss"))));
  }

  function drawPane() {
    const s = page.state;
    const where = page.where;
    const showMessages = where.kind === "channel" || (where.kind === "app" && where.tab === "messages");
    // A read-only Messages tab (the manifest's messages_tab_read_only_enabled) has no composer in Slack.
    const readOnly = where.kind === "app" && where.tab === "messages" && !!s.app.messages_read_only;
    $("messages").hidden = !showMessages;
    $("composer").hidden = !showMessages || readOnly;
    $("read-only-note").hidden = !readOnly;
    $("home").hidden = !(where.kind === "app" && where.tab === "home");
    Sandbox.panels.show(where);
    $("app-tabs").hidden = where.kind !== "app";
    $("tab-home").setAttribute("aria-selected", String(where.kind === "app" && where.tab === "home"));
    $("tab-messages").setAttribute("aria-selected", String(where.kind === "app" && where.tab === "messages"));

    if (where.kind === "panel") {
      $("pane-title").textContent = Sandbox.panels.title(where.id);
      return;
    }
    if (where.kind === "app") {
      $("pane-title").textContent = s.app.name;
      if (where.tab === "home") return drawHome();
    }

    const channelId = where.kind === "app" ? s.app.dm : where.id;
    const channel = s.channels.find((c) => c.id === channelId);
    if (where.kind === "channel") $("pane-title").innerHTML = channel ? `${channel.is_private ? LOCK_SVG + " " : "#"}${BlockKit.escapeHtml(channel.name)}` : "Unknown channel";
    const placeholder = where.kind === "app" ? `Message ${s.app.name}` : `Message #${channel ? channel.name : ""}`;
    $("composer-input").placeholder = s.app.composer_hint ? `${placeholder} — try ${s.app.composer_hint}` : placeholder;
    $("composer-input").disabled = !!(channel && channel.is_archived);

    const messages = s.messages[channelId] || [];
    const key = JSON.stringify([channelId, messages, s.members]);
    if (page.drawn.messages === key) return;
    page.drawn.messages = key;
    const pane = $("messages");
    // As in Slack, a reply (thread_ts naming another message) shows under its parent, not in the channel's flow.
    const isReply = (m) => m.thread_ts && m.thread_ts !== m.ts;
    const replies = new Map();
    for (const m of messages.filter(isReply)) replies.set(m.thread_ts, [...(replies.get(m.thread_ts) || []), m]);
    const top = messages.filter((m) => !isReply(m) || !messages.some((p) => p.ts === m.thread_ts));
    pane.replaceChildren(...(top.length ? top.map((m) => drawMessage(m, channelId, replies.get(m.ts) || [])) : [el("p", { class: "empty" }, channel && channel.is_archived ? "This channel is archived." : "No messages yet.")]));
    pane.scrollTop = pane.scrollHeight;
  }

  function drawMessage(message, channelId, replies = []) {
    const s = page.state;
    const author = s.members.find((m) => m.id === message.user);
    const isBot = !!message.bot_id;
    const name = isBot ? s.app.name : author ? author.real_name : message.user;
    const time = new Date(Number(message.ts.split(".")[0]) * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    const ctx = ctxFor("message", {
      // The revision shown: someone else's click may change the message before this one reaches the sandbox.
      onAction: (blockId, actionId, selected) => Sandbox.act({ surface: "message", channelId, messageTs: message.ts, messageRevision: message.revision, blockId, actionId, selected }),
    });
    const content = message.blocks && message.blocks.length ? render(message.blocks, ctx) : el("div", { class: "mrkdwn", html: BlockKit.mrkdwn(message.text || "", ctx) });
    return el("article", { class: `message${message.is_ephemeral ? " ephemeral" : ""}`, "aria-label": `Message from ${name}`, "data-ts": message.ts },
      el("div", { class: `avatar${isBot ? " bot" : ""}`, "aria-hidden": "true" }, name.slice(0, 1)),
      el("div", { class: "body" },
        el("div", { class: "meta" }, el("b", {}, name), isBot ? el("span", { class: "app-badge" }, "APP") : null, time, message.edited ? " (edited)" : ""),
        message.is_ephemeral ? el("div", { class: "ephemeral-note" }, "Only visible to you") : null,
        content,
        replies.length ? el("section", { class: "thread", "aria-label": `Thread: ${replies.length} ${replies.length === 1 ? "reply" : "replies"}` },
          el("div", { class: "thread-count" }, `${replies.length} ${replies.length === 1 ? "reply" : "replies"}`),
          ...replies.map((r) => drawMessage(r, channelId))) : null));
  }

  function drawHome() {
    const home = page.state.home;
    const key = JSON.stringify([home, page.state.members]);
    if (page.drawn.home === key) return;
    const previous = page.drawn.home && $("home").firstChild ? collect($("home")) : {};
    page.drawn.home = key;
    if (!home) {
      $("home").replaceChildren(el("p", { class: "home-empty" }, "The app has not published a Home tab for you yet."));
      return;
    }
    const ctx = ctxFor("home", {
      previous,
      onAction: (blockId, actionId, selected) => Sandbox.act({ surface: "home", viewId: home.id, viewHash: home.hash, blockId, actionId, selected, values: collect($("home")) }),
    });
    $("home").replaceChildren(render(home.blocks, ctx));
  }

  function drawModal() {
    const modal = page.state.modal;
    const key = JSON.stringify([modal, page.state.modal_depth]);
    if (page.drawn.modal === key) return;
    const root = $("modal-root");
    const previousBody = root.querySelector(".modal-body");
    const previous = previousBody && root.dataset.viewId === (modal && modal.id) ? collect(previousBody) : {};
    page.drawn.modal = key;
    if (!modal) {
      root.replaceChildren();
      delete root.dataset.viewId;
      return;
    }
    root.dataset.viewId = modal.id;
    const body = el("div", { class: "modal-body" });
    const ctx = ctxFor("modal", {
      previous,
      errors: modal.errors,
      onAction: (blockId, actionId, selected) => Sandbox.act({ surface: "modal", viewId: modal.id, viewHash: modal.hash, blockId, actionId, selected, values: collect(body) }),
    });
    body.append(render(modal.blocks, ctx));
    const title = modal.title ? modal.title.text : "Modal";
    const close = () => post("/sandbox/ui/close", { as: page.me, viewId: modal.id }).then(Sandbox.refresh);
    const form = el("form", { class: "modal", role: "dialog", "aria-modal": "true", "aria-labelledby": "modal-title",
      onsubmit: async (e) => {
        e.preventDefault();
        const submitButton = form.querySelector("footer button[type=submit]");
        if (submitButton) submitButton.disabled = true;
        await post("/sandbox/ui/submit", { as: page.me, viewId: modal.id, values: collect(body) });
        if (submitButton) submitButton.disabled = false;
        Sandbox.refresh();
      } },
      el("header", {},
        el("h2", { id: "modal-title" }, title, page.state.modal_depth > 1 ? el("span", { class: "stack-note" }, `(${page.state.modal_depth} views open)`) : null),
        el("button", { type: "button", class: "icon-close", "aria-label": "Close dialog", onclick: close }, "✕")),
      body,
      el("footer", {},
        el("button", { type: "button", class: "bk-button", onclick: close }, modal.close ? modal.close.text : "Cancel"),
        modal.submit ? el("button", { type: "submit", class: "bk-button primary" }, modal.submit.text) : null));
    root.replaceChildren(el("div", { class: "modal-backdrop" }, form));
    // As Slack does: after a refused Save the first field in error comes into view (it may be below the fold, and
    // focusing the first field would scroll back to the top, so Save would seem to do nothing); else the first field.
    const errored = body.querySelector("[aria-invalid=true]");
    const focus = errored || form.querySelector("input, select, textarea");
    if (focus) focus.focus({ preventScroll: !!errored });
    if (errored) (errored.closest(".bk-input") || errored).scrollIntoView({ block: "center" });
  }

  function askConfirm(confirm, proceed) {
    const root = $("confirm-root");
    const done = (ok) => { root.replaceChildren(); if (ok) proceed(); };
    const style = confirm.style === "danger" ? "danger" : "primary";
    root.replaceChildren(el("div", { class: "modal-backdrop" }, el("div", { class: "modal", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "confirm-title" },
      el("header", {}, el("h2", { id: "confirm-title" }, confirm.title ? confirm.title.text : "Are you sure?")),
      el("div", { class: "modal-body", html: confirm.text && confirm.text.type === "mrkdwn" ? BlockKit.mrkdwn(confirm.text.text, ctxFor("message")) : BlockKit.escapeHtml((confirm.text && confirm.text.text) || "") }),
      el("footer", {},
        el("button", { type: "button", class: "bk-button", onclick: () => done(false) }, confirm.deny ? confirm.deny.text : "Cancel"),
        el("button", { type: "button", class: `bk-button ${style}`, onclick: () => done(true) }, confirm.confirm ? confirm.confirm.text : "Yes")))));
  }

  return draw;
})();
