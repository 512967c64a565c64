// Block Kit rendering for the sandbox page: blocks and elements to DOM, Slack's mrkdwn to HTML, and the values a
// person chose read back in the shape the sandbox turns into view.state.values.
"use strict";

const BlockKit = (() => {
  const EMOJI = {
    wave: "👋", arrow_up: "⬆️", briefcase: "💼", door: "🚪", bell: "🔔", warning: "⚠️", white_check_mark: "✅",
    test_tube: "🧪", tada: "🎉", zap: "⚡", pencil2: "✏️", wastebasket: "🗑️", pause_button: "⏸️", arrow_forward: "▶️",
    gear: "⚙️", key: "🔑", lock: "🔒", x: "❌", heavy_check_mark: "✔️", information_source: "ℹ️", rocket: "🚀",
    bust_in_silhouette: "👤", busts_in_silhouette: "👥", mag: "🔍", link: "🔗", star: "⭐", fire: "🔥", eyes: "👀",
    calendar: "📅", large_green_circle: "🟢", red_circle: "🔴", white_circle: "⚪", double_vertical_bar: "⏸️", no_entry: "⛔",
    raising_hand: "🙋", leftwards_arrow_with_hook: "↩️", arrow_down: "⬇️", grey_question: "❔", heavy_minus_sign: "➖", no_bell: "🔕", no_entry_sign: "🚫",
    hourglass: "⌛", hourglass_flowing_sand: "⏳", email: "📧", envelope: "✉️", outbox_tray: "📤", inbox_tray: "📥", sparkles: "✨", clock3: "🕒", memo: "📝", mailbox: "📫", speech_balloon: "💬", office: "🏢",
  };

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "html") node.innerHTML = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  };

  const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const unescapeSlack = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const emoji = (html) => html.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] ?? m);

  function formatSegment(raw) {
    let html = escapeHtml(unescapeSlack(raw));
    html = html.replace(/```([\s\S]*?)```/g, (m, code) => `<pre>${code}</pre>`);
    html = html.replace(/`([^`\n]+)`/g, (m, code) => `<code>${code}</code>`);
    html = html.replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,:;!?<])/g, "$1<b>$2</b>");
    html = html.replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s).,:;!?<])/g, "$1<i>$2</i>");
    html = html.replace(/(^|[\s(>])~([^~\n]+)~(?=$|[\s).,:;!?<])/g, "$1<s>$2</s>");
    return emoji(html);
  }

  // Slack's mrkdwn: <url|text>, <@U123>, <#C123|name>, <!here>, <!date^…|fallback>, *bold*, _italic_, ~strike~, `code`.
  function mrkdwn(text, ctx) {
    const parts = [];
    let last = 0;
    const token = /<([^<>]*)>/g;
    let match;
    while ((match = token.exec(text)) !== null) {
      parts.push(formatSegment(text.slice(last, match.index)));
      parts.push(special(match[1], ctx));
      last = token.lastIndex;
    }
    parts.push(formatSegment(text.slice(last)));
    const lines = parts.join("").split("\n").map((line) => line.startsWith("&gt; ") ? `<blockquote>${line.slice(5)}</blockquote>` : line);
    return lines.join("<br>").replace(/<\/blockquote><br><blockquote>/g, "<br>");
  }

  function special(inner, ctx) {
    const [target, label] = splitOnce(inner, "|");
    if (target.startsWith("@")) {
      const member = (ctx.members || []).find((m) => m.id === target.slice(1));
      return `<span class="mention">@${escapeHtml(member ? member.real_name : label || target.slice(1))}</span>`;
    }
    if (target.startsWith("#")) {
      const channel = (ctx.channels || []).find((c) => c.id === target.slice(1));
      return `<span class="mention">#${escapeHtml(label || (channel && channel.name) || target.slice(1))}</span>`;
    }
    if (target.startsWith("!date^")) {
      const [, seconds] = target.split("^");
      const when = new Date(Number(seconds) * 1000);
      return escapeHtml(isNaN(when) ? unescapeSlack(label || "") : when.toLocaleString([], { dateStyle: "medium", timeStyle: "short" }));
    }
    if (target.startsWith("!")) {
      return `<span class="mention">@${escapeHtml(label || target.slice(1).split("^")[0])}</span>`;
    }
    const url = unescapeSlack(target);
    const safe = /^(https?:|mailto:)/i.test(url) ? url : "#";
    return `<a href="${escapeHtml(safe)}" target="_blank" rel="noopener noreferrer">${label ? formatSegment(label) : escapeHtml(url)}</a>`;
  }

  function splitOnce(s, sep) {
    const i = s.indexOf(sep);
    return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)];
  }

  function textNode(obj, ctx, tag = "span") {
    if (!obj) return null;
    if (obj.type === "mrkdwn") return el(tag, { class: "mrkdwn", html: mrkdwn(obj.text || "", ctx) });
    return el(tag, { html: obj.emoji === false ? escapeHtml(obj.text || "") : emoji(escapeHtml(obj.text || "")) });
  }

  const plain = (obj) => (obj && obj.text) || "";
  const idOf = (blockId, actionId) => `bk-${blockId}-${actionId}`.replace(/[^A-Za-z0-9_-]/g, "_");

  function optionsOf(element) {
    if (element.option_groups) return element.option_groups.flatMap((g) => g.options || []);
    return element.options || [];
  }

  // Choices the element can offer: options, members, or conversations (filtered like Slack's pickers).
  function choicesOf(element, ctx) {
    switch (element.type) {
      case "users_select":
      case "multi_users_select":
        return (ctx.members || []).filter((m) => !m.is_bot).map((m) => ({ value: m.id, label: `${m.real_name} (@${m.name})` }));
      case "conversations_select":
      case "multi_conversations_select":
      case "channels_select":
      case "multi_channels_select": {
        const filter = element.filter || {};
        const include = element.type.includes("channels_select") ? ["public"] : filter.include || ["public", "private", "im", "mpim"];
        return (ctx.channels || [])
          .filter((c) => !c.is_im && !c.is_archived)
          .filter((c) => include.includes(c.is_private ? "private" : "public"))
          .map((c) => ({ value: c.id, label: `#${c.name}` }));
      }
      default:
        return optionsOf(element).map((o) => ({ value: o.value, label: plain(o.text) }));
    }
  }

  function initialValues(element) {
    switch (element.type) {
      case "static_select": case "radio_buttons": case "external_select":
        return element.initial_option ? [element.initial_option.value] : [];
      case "multi_static_select": case "checkboxes": case "multi_external_select":
        return (element.initial_options || []).map((o) => o.value);
      case "users_select": return element.initial_user ? [element.initial_user] : [];
      case "multi_users_select": return element.initial_users || [];
      case "conversations_select": return element.initial_conversation ? [element.initial_conversation] : [];
      case "multi_conversations_select": return element.initial_conversations || [];
      case "channels_select": return element.initial_channel ? [element.initial_channel] : [];
      case "multi_channels_select": return element.initial_channels || [];
      case "datepicker": return element.initial_date ? [element.initial_date] : [];
      case "timepicker": return element.initial_time ? [element.initial_time] : [];
      case "plain_text_input": case "number_input": return element.initial_value ? [element.initial_value] : [];
      default: return [];
    }
  }

  // One element. `label` names it for assistive tech when no <label> does; `dispatch` sends block_actions on change.
  function element(element, blockId, ctx, { label, dispatch, inInput } = {}) {
    const actionId = element.action_id;
    const data = { "data-block-id": blockId, "data-action-id": actionId, "data-type": element.type };
    const send = (selected) => ctx.onAction && ctx.onAction(blockId, actionId, selected, element);
    const withConfirm = (selected, go) => element.confirm ? ctx.confirm(element.confirm, () => go(selected)) : go(selected);
    // A link: the surface may follow it itself (the sandbox follows Slack's slack:// deep links); else a new tab.
    const openUrl = (url) => (ctx.openUrl ? ctx.openUrl(url) : window.open(url, "_blank", "noopener"));
    const id = idOf(blockId, actionId);
    const initial = ctx.previous && ctx.previous[blockId] && ctx.previous[blockId][actionId] ? ctx.previous[blockId][actionId] : initialValues(element);
    const markTouched = (node) => node.addEventListener("change", () => node.setAttribute("data-touched", "true"));

    switch (element.type) {
      case "button": {
        const classes = ["bk-button", element.style].filter(Boolean).join(" ");
        return el("button", {
          type: "button", class: classes, ...data, "aria-label": element.accessibility_label,
          onclick: () => withConfirm([], () => {
            if (element.url) openUrl(element.url);
            send([]);
          }),
        }, textNode(element.text, ctx));
      }
      case "overflow": {
        const menu = el("div", { role: "menu", hidden: true });
        const toggle = el("button", { type: "button", class: "bk-button", "aria-label": label ? `More actions: ${label}` : "More actions", "aria-haspopup": "menu", ...data,
          onclick: () => { menu.hidden = !menu.hidden; } }, "⋯");
        for (const option of element.options || []) {
          menu.append(el("button", { type: "button", role: "menuitem", onclick: () => {
            menu.hidden = true;
            withConfirm([option.value], (selected) => {
              if (option.url) openUrl(option.url);
              send(selected);
            });
          } }, plain(option.text)));
        }
        return el("span", { class: "bk-overflow" }, toggle, menu);
      }
      case "image":
        return el("img", { class: "bk-accessory-image", src: element.image_url, alt: element.alt_text || "" });
      case "plain_text_input": {
        const attrs = { id, ...data, placeholder: plain(element.placeholder), maxlength: element.max_length, minlength: element.min_length, "aria-label": inInput ? null : label };
        const input = element.multiline ? el("textarea", { ...attrs, rows: 3 }) : el("input", { ...attrs, type: "text" });
        input.value = initial[0] || "";
        markTouched(input);
        if (dispatch) input.addEventListener("keydown", (e) => { if (e.key === "Enter" && !element.multiline) { e.preventDefault(); send([input.value]); } });
        return input;
      }
      case "datepicker": {
        const input = el("input", { id, type: "date", ...data, "aria-label": inInput ? null : label || plain(element.placeholder) });
        input.value = initial[0] || "";
        markTouched(input);
        if (dispatch) input.addEventListener("change", () => send([input.value]));
        return input;
      }
      case "number_input": {
        // The browser keeps min/max/step as hints; Slack's own bounds check on submit is the app's validation here.
        const input = el("input", {
          id, type: "number", ...data, inputmode: element.is_decimal_allowed ? "decimal" : "numeric", step: element.is_decimal_allowed ? "any" : "1",
          min: element.min_value, max: element.max_value, placeholder: plain(element.placeholder), "aria-label": inInput ? null : label,
        });
        input.value = initial[0] || "";
        markTouched(input);
        if (dispatch) input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); send([input.value]); } });
        return input;
      }
      case "timepicker": {
        // An <input type=time> holds "HH:mm" (24-hour) whatever the display, as Slack's selected_time does.
        const input = el("input", { id, type: "time", ...data, "aria-label": inInput ? null : label || plain(element.placeholder) });
        input.value = initial[0] || "";
        markTouched(input);
        if (dispatch) input.addEventListener("change", () => withConfirm([input.value], send));
        return input;
      }
      case "checkboxes":
      case "radio_buttons": {
        const group = el("div", { ...data, role: element.type === "radio_buttons" ? "radiogroup" : "group", "aria-label": inInput ? null : label });
        const kind = element.type === "checkboxes" ? "checkbox" : "radio";
        for (const [i, option] of (element.options || []).entries()) {
          const optionId = `${id}-${i}`;
          const input = el("input", { type: kind, id: optionId, name: id, value: option.value, checked: initial.includes(option.value) });
          input.addEventListener("change", () => {
            group.setAttribute("data-touched", "true");
            if (dispatch) send(readGroup(group));
          });
          group.append(el("div", {}, input, el("label", { for: optionId }, textNode(option.text, ctx)), option.description ? el("div", { class: "bk-hint" }, textNode(option.description, ctx)) : null));
        }
        return group;
      }
      default: {
        if (!/select$/.test(element.type)) return el("span", { class: "empty", text: `[${element.type}]` });
        const multiple = element.type.startsWith("multi_");
        const select = el("select", { id, ...data, multiple, "aria-label": inInput ? null : label || plain(element.placeholder) || "Select" });
        if (!multiple) select.append(el("option", { value: "" }, plain(element.placeholder) || "Select an item"));
        for (const choice of choicesOf(element, ctx)) {
          select.append(el("option", { value: choice.value, selected: initial.includes(choice.value) }, choice.label));
        }
        markTouched(select);
        if (dispatch) {
          select.addEventListener("change", () => {
            const selected = [...select.selectedOptions].map((o) => o.value).filter((v) => v !== "");
            withConfirm(selected, send);
          });
        }
        return select;
      }
    }
  }

  function readGroup(group) {
    return [...group.querySelectorAll("input:checked")].map((i) => i.value);
  }

  function block(block, ctx) {
    const blockId = block.block_id;
    switch (block.type) {
      case "header":
        return el("div", { class: "bk-block bk-header", role: "heading", "aria-level": "3" }, textNode(block.text, ctx));
      case "divider":
        return el("hr", { class: "bk-divider" });
      case "context":
        return el("div", { class: "bk-block bk-context" }, (block.elements || []).map((e) =>
          e.type === "image" ? el("img", { src: e.image_url, alt: e.alt_text || "" }) : textNode(e, ctx)));
      case "image":
        return el("figure", { class: "bk-block bk-image" }, el("img", { src: block.image_url, alt: block.alt_text || "" }), block.title ? el("figcaption", {}, textNode(block.title, ctx)) : null);
      case "actions":
        return el("div", { class: "bk-block bk-actions", role: "group", "data-block-id": blockId },
          (block.elements || []).map((e) => element(e, blockId, ctx, { label: plain(e.placeholder) || plain(e.text), dispatch: true })));
      case "section": {
        const text = block.text ? textNode(block.text, ctx, "div") : null;
        const fields = block.fields ? el("div", { class: "bk-fields" }, block.fields.map((f) => textNode(f, ctx, "div"))) : null;
        const label = block.text ? plain(block.text).replace(/[*_~`]/g, "").split("\n")[0] : "";
        const accessory = block.accessory ? element(block.accessory, blockId, ctx, { label, dispatch: true }) : null;
        return el("div", { class: "bk-block bk-section", "data-block-id": blockId }, el("div", { class: "bk-text" }, text, fields), accessory);
      }
      case "input": {
        const e = block.element || {};
        const id = idOf(blockId, e.action_id);
        const error = ctx.errors && ctx.errors[blockId];
        const errorId = `${id}-error`;
        const grouped = e.type === "checkboxes" || e.type === "radio_buttons";
        const control = element(e, blockId, ctx, { dispatch: block.dispatch_action, inInput: true });
        if (error) {
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("aria-describedby", errorId);
        }
        const labelText = [textNode(block.label, ctx), block.optional ? el("span", { class: "optional" }, " (optional)") : null];
        const hint = block.hint ? el("div", { class: "bk-hint" }, textNode(block.hint, ctx)) : null;
        const errorNode = error ? el("p", { class: "bk-error", id: errorId, role: "alert" }, error) : null;
        if (grouped) {
          return el("div", { class: "bk-block bk-input", "data-block-id": blockId }, el("fieldset", {}, el("legend", {}, labelText), control), hint, errorNode);
        }
        return el("div", { class: "bk-block bk-input", "data-block-id": blockId }, el("label", { for: id }, labelText), control, hint, errorNode);
      }
      default:
        return el("div", { class: "bk-block empty", text: `[unsupported block: ${block.type}]` });
    }
  }

  function render(blocks, ctx) {
    return el("div", { class: "bk-blocks" }, (blocks || []).map((b) => block(b, ctx)));
  }

  // The values of a surface's elements: input blocks always, others once a person changed them.
  function collect(root) {
    const values = {};
    for (const node of root.querySelectorAll("[data-action-id]")) {
      const type = node.getAttribute("data-type");
      if (["button", "overflow", "image"].includes(type) || node.tagName === "SPAN") continue;
      const inInput = node.closest(".bk-input") !== null;
      if (!inInput && node.getAttribute("data-touched") !== "true") continue;
      const blockId = node.getAttribute("data-block-id");
      const actionId = node.getAttribute("data-action-id");
      let picked;
      if (node.tagName === "SELECT") picked = [...node.selectedOptions].map((o) => o.value).filter((v) => v !== "");
      else if (node.tagName === "DIV") picked = readGroup(node);
      else picked = [node.value];
      (values[blockId] ??= {})[actionId] = picked;
    }
    return values;
  }

  return { render, mrkdwn, collect, el, escapeHtml };
})();
