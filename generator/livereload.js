/* Banmian live reload: injected by `banmian serve --watch` only, never built into the site.
 * Listens to the server's events; reloads after a rebuild, hot-swaps CSS when only
 * stylesheets changed, and shows a failed build as an overlay until the next good one. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var loaded = parseInt(me.getAttribute("data-version"), 10) || 0;
  var session = me.getAttribute("data-session");
  var ID = "banmian-error-overlay";
  var reloading = false;

  function reload() {
    if (reloading) return;
    reloading = true;
    location.reload();
  }

  function hideError() {
    var el = document.getElementById(ID);
    if (el) el.parentNode.removeChild(el);
  }

  function showError(err) {
    hideError();
    var box = document.createElement("div");
    box.id = ID;
    box.setAttribute("role", "alert");
    box.setAttribute("data-path", err.path || "");
    box.setAttribute("data-line", err.line || "");
    box.style.cssText = "position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:60vh;" +
      "overflow:auto;margin:0;padding:16px 20px;background:#3b0d0d;color:#fff;" +
      "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 4px 16px rgba(0,0,0,.4);" +
      "border-bottom:4px solid #e5484d;text-align:left;white-space:normal";
    var h = document.createElement("strong");
    h.textContent = "构建失败 · Build failed — 仍显示上一次成功的版本；保存修正后自动恢复";
    h.style.cssText = "display:block;margin-bottom:8px;color:#ffb4b4";
    var where = document.createElement("div");
    where.className = "banmian-error-location";
    where.textContent = (err.path || "") + (err.path && err.line ? ":" + err.line : "");
    where.style.cssText = "font-weight:bold";
    var msg = document.createElement("pre");
    msg.className = "banmian-error-message";
    msg.textContent = err.message || "";
    msg.style.cssText = "margin:4px 0 0;white-space:pre-wrap;font:inherit";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "close");
    close.style.cssText = "position:absolute;right:10px;top:6px;background:none;border:0;color:#fff;font-size:20px;cursor:pointer";
    close.onclick = hideError;
    box.appendChild(close);
    box.appendChild(h);
    if (where.textContent) box.appendChild(where);
    box.appendChild(msg);
    (document.body || document.documentElement).appendChild(box);
  }

  function stylesheets(doc) {
    return Array.prototype.slice.call(doc.querySelectorAll('link[rel~="stylesheet"]'));
  }

  function swapCss(version) {
    return fetch(location.href, { cache: "no-store" }).then(function (r) {
      return r.text();
    }).then(function (html) {
      var fresh = stylesheets(new DOMParser().parseFromString(html, "text/html")).map(function (l) {
        return new URL(l.getAttribute("href"), location.href).href;
      });
      var old = stylesheets(document);
      if (fresh.length !== old.length) throw new Error("stylesheets differ");
      old.forEach(function (l, i) { if (l.href !== fresh[i]) l.href = fresh[i]; });
      loaded = version;
    }).catch(reload);
  }

  var source = new EventSource(new URL("events", me.src).href);
  source.addEventListener("state", function (e) {
    var s = JSON.parse(e.data);
    window.__banmianLive = { version: s.version, error: s.error };  // for tests and the curious
    if (s.session !== session) return reload(); // the server restarted
    if (s.error) showError(s.error); else hideError();
    if (s.version > loaded) {
      if (s.html_version <= loaded) swapCss(s.version);
      else { source.close(); reload(); }
    }
  });
})();
