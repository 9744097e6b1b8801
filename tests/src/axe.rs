//! The accessibility guard of the browser journeys: axe-core (npm, pinned in
//! package-lock.json) run in the page against the WCAG 2.1 A and AA rules; any violation
//! fails the test with its rule, its help and the elements found. Each journey checks the
//! pages it opens (`steps::open`) and the page it ends on (`Browser::close`).
//!
//! A page shown without JavaScript cannot run axe itself: its HTML, as the browser received
//! it, is written into a page of the same server in a second, JavaScript-enabled session
//! (same origin, so the stylesheet applies and colour contrast is measured) and checked
//! there.

use std::sync::OnceLock;

use serde_json::Value;

use crate::{Browser, JavaScript};

/// The rules checked: WCAG 2.0 and 2.1, levels A and AA (RGAA 4.1 targets WCAG 2.1 AA).
const TAGS: &str = r#"["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]"#;

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = crate::workspace_root().join("node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} (make test installs it): {e}", path.display()))
    })
}

/// The script WebDriver runs: axe's source, then the check; answers the violations.
fn script() -> String {
    format!(
        "{}\n;const done = arguments[arguments.length - 1];\
         const missing = [...document.querySelectorAll('[aria-describedby]')].flatMap(e => \
           e.getAttribute('aria-describedby').split(/\\s+/) \
             .filter(id => id && !document.getElementById(id)).map(id => e.outerHTML.slice(0, 120) + ' → #' + id));\
         const described = missing.length ? [{{ id: 'aria-describedby-missing', \
           help: 'aria-describedby names only ids of the page', nodes: missing.slice(0, 5) }}] : [];\
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {TAGS} }} }})\
           .then(r => done(described.concat(r.violations.map(v => ({{ id: v.id, help: v.help, \
             nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)) }})))))\
           .catch(e => done([{{ id: 'axe-error', help: String(e), nodes: [] }}]));",
        axe_source()
    )
}

fn report(violations: &Value) -> Option<String> {
    let list = violations.as_array()?;
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|v| format!("- {} ({}): {}", v["id"], v["help"], v["nodes"]))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The page without its `<script>` elements: the copy must stay the page as shown without
/// JavaScript.
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("</script>").map_or("", |end| &rest[start + end + 9..]);
    }
    out.push_str(rest);
    out
}

impl Browser {
    /// Fails when the page shown has a WCAG 2.1 AA violation axe-core can find.
    pub async fn assert_accessible(&self) {
        let javascript = self.javascript;
        let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        let violations = match javascript {
            JavaScript::Enabled => {
                self.client.execute_async(&script(), Vec::new()).await.expect("axe runs")
            }
            JavaScript::Disabled => {
                let html = without_scripts(&self.client.source().await.expect("page source"));
                let checker = self
                    .checker
                    .get_or_init(async || Box::new(Browser::start(JavaScript::Enabled).await))
                    .await;
                let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
                // A page of the same server that runs no script of its own.
                checker.client.goto(&format!("{origin}/healthz")).await.expect("open");
                // Written, then checked once parsed and its stylesheet loaded.
                let write = "const done = arguments[arguments.length - 1];\
                             document.open(); document.write(arguments[0]); document.close();\
                             const ready = () => document.readyState === 'complete' \
                               ? done(document.title) : setTimeout(ready, 20);\
                             ready();";
                let title = checker
                    .client
                    .execute_async(write, vec![Value::String(html)])
                    .await
                    .expect("write");
                assert!(title.as_str().is_some_and(|t| !t.is_empty()), "{url}: no title");
                checker.client.execute_async(&script(), Vec::new()).await.expect("axe runs")
            }
        };
        if let Some(found) = report(&violations) {
            panic!("accessibility violations at {url} ({javascript:?}):\n{found}");
        }
    }
}
