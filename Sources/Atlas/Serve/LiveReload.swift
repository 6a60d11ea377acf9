/// The script a page gets while `atlas serve` runs (never written to public/): it long-polls the
/// server for a new build and reloads, or shows the build's errors over the page.
public enum LiveReload {
    public static let endpoint = "__atlas"

    /// Inserted before `</body>` of HTML responses.
    public static func tag(version: Int, basePath: String) -> String {
        "<script src=\"\(basePath)\(endpoint)/reload.js\" data-version=\"\(version)\" data-base=\"\(basePath)\"></script>"
    }

    public static let script = #"""
    (() => {
      const me = document.currentScript;
      let version = Number(me.dataset.version);
      let shown = "";
      const base = me.dataset.base || "/";
      function overlay(errors) {
        let box = document.getElementById("atlas-errors");
        if (!errors.length) { if (box) box.remove(); return; }
        if (!box) {
          box = document.createElement("div");
          box.id = "atlas-errors";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:9999;background:#2b0b0b;color:#ffe9e9;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;border-top:4px solid #d55e00;white-space:pre-wrap";
          document.body.appendChild(box);
        }
        box.textContent = "atlas: the last rebuild failed; this is the last good site.\n\n" + errors.join("\n");
      }
      async function poll() {
        for (;;) {
          try {
            const response = await fetch(base + "__atlas/wait?version=" + version + "&errors=" + encodeURIComponent(shown), { cache: "no-store" });
            const state = await response.json();
            overlay(state.errors);
            shown = state.digest;
            if (state.version !== version && state.errors.length === 0) { location.reload(); return; }
            version = state.version;
          } catch (e) {
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      }
      poll();
    })();
    """#
}
