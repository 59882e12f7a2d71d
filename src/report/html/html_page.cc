#include "report/html/html_page.h"

#include "report/html/html_escape.h"

namespace breachscope {
namespace {

// Plain, printable, readable without colour (states also have words).
constexpr std::string_view kStyle = R"CSS(
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 40px;color:#1b1b1b;background:#fff}
header{border-bottom:2px solid #1b1b1b;margin-bottom:16px}
h1{font-size:24px;margin:16px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ccc}
.meta{color:#555;margin:0 0 12px}
.counts{display:flex;flex-wrap:wrap;gap:12px;list-style:none;padding:0;margin:0 0 16px}
.counts li{border:1px solid #ccc;border-radius:4px;padding:6px 12px}.counts b{display:block;font-size:20px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:16px}
figure.chart{margin:0 0 12px}figcaption{font-weight:600;margin-bottom:4px}
svg{max-width:100%;height:auto;font-size:12px}
svg .label,svg .row-label{text-anchor:end}svg .tick-label,svg .today-label{text-anchor:middle;fill:#555}
.bar{fill:#3b6ea5}.bar-ok{fill:#3c8d40}.bar-fail{fill:#c0392b}.bar-skip{fill:#999}
.tick{stroke:#e3e3e3}.today{stroke:#000;stroke-dasharray:4 3}.window{stroke:#bbb;stroke-width:3}.window.asap{stroke-dasharray:6 3}
.anchor-mark{fill:#444}.done-mark{fill:none;stroke:#1b1b1b;stroke-width:2}.keep-until{fill:#555}
.due-mark{fill:#3b6ea5}.state-done .due-mark{fill:#3c8d40}.state-late .due-mark,.state-overdue .due-mark{fill:#c0392b}
.state-na .due-mark{fill:#ccc}
.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:12px}
.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;background:#3b6ea5}
.swatch.bar-ok,.swatch.state-done{background:#3c8d40}.swatch.bar-fail,.swatch.state-late,.swatch.state-overdue{background:#c0392b}
.swatch.bar-skip{background:#999}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f2f2f2}th.sortable{cursor:pointer}th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
tr.state-overdue td,tr.state-late td{background:#fbeaea}
.empty{color:#555;font-style:italic}
@media print{.charts{display:block}th.sortable{cursor:auto}}
)CSS";

// Runs first: counts every resource the policy refused.
constexpr std::string_view kCspWatch = R"JS(
(function () {
  'use strict';
  var root = document.documentElement;
  root.setAttribute('data-csp-violations', '0');
  document.addEventListener('securitypolicyviolation', function () {
    root.setAttribute('data-csp-violations',
                      String(Number(root.getAttribute('data-csp-violations')) + 1));
  });
})();
)JS";

constexpr std::string_view kSortScript = R"JS(
(function () {
  'use strict';
  var table = document.getElementById('individuals');
  if (!table) return;
  var headers = table.tHead.rows[0].cells;
  function keyOf(row, index, numeric) {
    var cell = row.cells[index];
    var text = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
    return numeric ? (parseFloat(text) || 0) : text;
  }
  function compare(a, b, numeric) {
    if (numeric) return a < b ? -1 : (a > b ? 1 : 0);
    // numeric: "ind-9" before "ind-10", "2" before "10".
    return a.localeCompare(b, undefined, {numeric: true});
  }
  function sortBy(th) {
    var index = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'num';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var body = table.tBodies[0];
    var keyed = Array.prototype.map.call(body.rows, function (row, i) {
      return {row: row, key: keyOf(row, index, numeric), i: i};
    });
    keyed.sort(function (a, b) {
      var c = compare(a.key, b.key, numeric);
      return (ascending ? c : -c) || a.i - b.i;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k.row); });
    body.appendChild(fragment);
    for (var h = 0; h < headers.length; h++) headers[h].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    table.setAttribute('data-sorted', th.getAttribute('data-col') + (ascending ? '' : ':desc'));
  }
  Array.prototype.forEach.call(headers, function (th) {
    th.classList.add('sortable');
    th.tabIndex = 0;
    th.title = 'Sort by this column';
    th.addEventListener('click', function () { sortBy(th); });
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sortBy(th); });
  });
  // A link can open the table sorted; it goes through click() like a reader.
  var match = /^#sort=(-?)([a-z]+)$/.exec(window.location.hash);
  if (match) {
    var th = table.querySelector('th[data-col="' + match[2] + '"]');
    if (th) {
      th.click();
      if (match[1]) th.click();
    }
  }
})();
)JS";

}  // namespace

std::string PageHead(std::string_view title) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  out += kSummaryCsp;
  out += "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n<title>";
  AppendEscaped(title, &out);
  out += "</title>\n<script>";
  out += kCspWatch;
  out += "</script>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  return out;
}

std::string PageTail() {
  std::string out = "<script>";
  out += kSortScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace breachscope
