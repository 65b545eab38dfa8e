// Renders the course site's math offline with the bundled KaTeX.
// Markdig keeps TeX verbatim: inline math as <span class="math">\(...\)</span>, display math as
// <div class="math">\[...\]</div>. Anything Markdig did not see (math inside raw HTML) is picked up by
// KaTeX's auto-render with the delimiters the lessons use.
(function () {
  "use strict";
  function strip(tex, display) {
    var t = tex.trim();
    var open = display ? "\\[" : "\\(", close = display ? "\\]" : "\\)";
    if (t.startsWith(open) && t.endsWith(close)) return t.slice(2, -2);
    if (t.startsWith("$$") && t.endsWith("$$")) return t.slice(2, -2);
    if (t.startsWith("$") && t.endsWith("$")) return t.slice(1, -1);
    return t;
  }

  // Display math wider than the column scrolls sideways: give it a tab stop so the keyboard can scroll it.
  function markScrollable() {
    document.querySelectorAll("div.math").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth) el.setAttribute("tabindex", "0");
      else el.removeAttribute("tabindex");
    });
  }

  function render() {
    if (typeof katex === "undefined") return;
    var options = { throwOnError: false, strict: "ignore", output: "htmlAndMathml" };
    document.querySelectorAll(".math").forEach(function (el) {
      var display = el.tagName === "DIV";
      var tex = strip(el.textContent, display);
      katex.render(tex, el, Object.assign({ displayMode: display }, options));
    });
    if (typeof renderMathInElement === "function") {
      document.querySelectorAll("main").forEach(function (main) {
        renderMathInElement(main, Object.assign({
          delimiters: [
            { left: "$$", right: "$$", display: true },
            { left: "\\[", right: "\\]", display: true },
            { left: "\\(", right: "\\)", display: false },
            { left: "$", right: "$", display: false }
          ],
          ignoredClasses: ["math", "katex", "nb-output"]
        }, options));
      });
    }
    markScrollable();
    window.addEventListener("resize", markScrollable);
    document.documentElement.setAttribute("data-math", "rendered");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render);
  else render();
})();
