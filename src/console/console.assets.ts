/**
 * The console's only static files: one stylesheet (readable on a phone) and one small script (the
 * broadcast form's live recipient count). No build step; served with a long cache and strict CSP.
 */
export const consoleCss = `
:root { --fg:#1d2733; --muted:#5b6b7c; --line:#d6dde5; --bg:#f5f7fa; --accent:#0b5cad; --bad:#b3261e; --ok:#1e7b34; }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; padding:.6rem 1rem; background:#0b3d6b; color:#fff; }
header .brand { margin-right:auto; } header a, header .link { color:#fff; }
.who { font-size:.9rem; opacity:.9; }
nav { display:flex; flex-wrap:wrap; gap:.25rem; padding:.4rem 1rem; background:#fff; border-bottom:1px solid var(--line); }
nav a { padding:.35rem .6rem; border-radius:.4rem; text-decoration:none; color:var(--accent); }
nav a.current { background:var(--accent); color:#fff; }
main { padding:1rem; max-width:1200px; margin:0 auto; }
h1 { font-size:1.4rem; margin:.2rem 0 1rem; } h2 { font-size:1.1rem; margin:1.2rem 0 .5rem; }
.card { background:#fff; border:1px solid var(--line); border-radius:.5rem; padding:.8rem; margin-bottom:.8rem; }
.narrow { max-width:24rem; }
label { display:block; margin:.4rem 0; font-size:.95rem; }
input, select, textarea { display:block; width:100%; font:inherit; padding:.45rem; border:1px solid var(--line); border-radius:.35rem; margin-top:.2rem; background:#fff; }
textarea { min-height:5rem; }
button { font:inherit; padding:.45rem .9rem; border:0; border-radius:.35rem; background:var(--accent); color:#fff; cursor:pointer; margin-top:.4rem; }
button.secondary { background:#e8eef5; color:var(--fg); } button.danger { background:var(--bad); }
button.link { background:none; padding:0; margin:0; text-decoration:underline; }
form.inline { display:inline; }
.flash { padding:.6rem .8rem; border-radius:.4rem; } .flash.ok { background:#e3f4e7; color:var(--ok); } .flash.error { background:#fbe4e2; color:var(--bad); }
table { width:100%; border-collapse:collapse; background:#fff; } th, td { text-align:left; padding:.4rem; border-bottom:1px solid var(--line); vertical-align:top; font-size:.93rem; }
.muted { color:var(--muted); font-size:.9rem; }
.board { display:grid; grid-template-columns:repeat(auto-fill, minmax(14rem, 1fr)); gap:.6rem; }
.column h2 { font-size:.95rem; margin:.2rem 0 .4rem; }
.claim { display:block; background:#fff; border:1px solid var(--line); border-left:4px solid var(--accent); border-radius:.4rem; padding:.45rem .55rem; margin-bottom:.4rem; color:inherit; text-decoration:none; }
.claim.overdue { border-left-color:var(--bad); background:#fff5f4; }
tr.late td { background:#fff5f4; }
.badge { display:inline-block; font-size:.8rem; padding:.05rem .4rem; border-radius:.6rem; background:#e8eef5; }
.badge.bad { background:var(--bad); color:#fff; }
.grid2 { display:grid; grid-template-columns:repeat(auto-fit, minmax(18rem, 1fr)); gap:.8rem; }
.bubble { max-width:85%; padding:.45rem .6rem; border-radius:.6rem; margin:.25rem 0; white-space:pre-wrap; }
.bubble.in { background:#fff; border:1px solid var(--line); } .bubble.out { background:#dcecff; margin-left:auto; }
.chart { max-width:560px; display:block; } .chart text { font-size:11px; fill:var(--fg); } .chart rect.bar { fill:var(--accent); } .chart rect.bar.warn { fill:var(--bad); }
pre { white-space:pre-wrap; word-break:break-word; font-size:.85rem; margin:0; }
@media (max-width: 600px) { th.opt, td.opt { display:none; } main { padding:.6rem; } }
`;

/** Updates the broadcast form's recipient count when a segment field changes (progressive: the preview works without it). */
export const consoleJs = `
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-count-url]");
  if (!form) return;
  var out = document.getElementById("live-count");
  var timer;
  function update() {
    var params = new URLSearchParams(new FormData(form));
    params.delete("_csrf"); params.delete("text");
    fetch(form.getAttribute("data-count-url") + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (t) { if (t && out) out.textContent = t; });
  }
  form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(update, 200); });
  update();
});
`;
