//! The buyers' guide: the Markdown pages of `app/guide/`, compiled into the server, read and
//! rendered once; each page's pre-filtered search counted live. The text stays on the
//! server: the browser receives the rendered HTML of the page it shows, never the guide.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, html};

use crate::{
    domain::{
        Code,
        calendar::Day,
        guide::{FrontMatter, GuidePage, GuideSummary, STATEMENT, front_matter},
        hqs::{CriterionCode, Template},
    },
    error::AppError,
    services::catalogue,
    state::AppState,
};

/// The pages, by slug (their file name), in the order the guide's home lists them.
const SOURCES: [(&str, &str); 14] = [
    ("index", include_str!("../../guide/index.md")),
    ("marche-reserve-handicap", include_str!("../../guide/marche-reserve-handicap.md")),
    ("marche-reserve-insertion", include_str!("../../guide/marche-reserve-insertion.md")),
    ("marche-reserve-conjoint", include_str!("../../guide/marche-reserve-conjoint.md")),
    ("marche-reserve-penitentiaire", include_str!("../../guide/marche-reserve-penitentiaire.md")),
    ("marche-reserve-ess", include_str!("../../guide/marche-reserve-ess.md")),
    ("clause-insertion", include_str!("../../guide/clause-insertion.md")),
    ("critere-social", include_str!("../../guide/critere-social.md")),
    ("agrement-esus", include_str!("../../guide/agrement-esus.md")),
    ("commerce-equitable", include_str!("../../guide/commerce-equitable.md")),
    ("sous-traitance-handicap", include_str!("../../guide/sous-traitance-handicap.md")),
    ("heures-insertion", include_str!("../../guide/heures-insertion.md")),
    ("deduction-oeth", include_str!("../../guide/deduction-oeth.md")),
    (STATEMENT, include_str!("../../guide/declaration-accessibilite.md")),
];

/// Every page, read, rendered and named once (all but the live count, which each view asks
/// the search engine for); a page whose facts do not read is left out and logged (the tests
/// read them all, so this does not happen to a committed page).
static PAGES: LazyLock<Vec<GuidePage>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .filter_map(|(slug, text)| match read(text) {
            Ok((meta, html)) => Some(named(slug, meta, html)),
            Err(error) => {
                tracing::error!(slug, error, "guide page left out");
                None
            }
        })
        .collect()
});

/// A page with the names of its criteria and templates and its date in French.
fn named(slug: &str, meta: FrontMatter, html: String) -> GuidePage {
    let criteria = meta
        .criteria
        .iter()
        .filter_map(|code| code.parse::<CriterionCode>().ok())
        .map(|code| (code.code().to_owned(), code.definition().title_fr.to_owned()))
        .collect();
    let templates = meta
        .templates
        .iter()
        .filter_map(|code| Template::find(code))
        .map(|t| (t.code.to_owned(), t.name.to_owned()))
        .collect();
    let checked_text = Day::parse(&meta.checked).map(Day::french).unwrap_or_default();
    GuidePage { slug: slug.to_owned(), meta, html, criteria, templates, count: None, checked_text }
}

/// A page's facts and its body rendered to HTML. The text starts with its title (`# …`,
/// the same as the facts' `title`, so that the file reads well on its own); the page shows
/// the title itself, above the facts, so the rendered body leaves it out.
pub fn read(text: &str) -> Result<(FrontMatter, String), String> {
    let (meta, body) = front_matter::parse(text)?;
    let heading =
        body.trim_start().strip_prefix("# ").ok_or("the text must start with `# title`")?;
    let (title, rest) = heading.split_once('\n').unwrap_or((heading, ""));
    if title.trim() != meta.title {
        return Err(format!("the heading `{title}` is not the title `{}`", meta.title));
    }
    Ok((meta, render(rest)))
}

/// Markdown to HTML (CommonMark and tables). HTML written in the text comes out as text: the
/// guide is Markdown only, and a stray tag cannot open a hole in the page.
pub fn render(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// The slugs of the pages, in order (the guide's home first).
pub fn slugs() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|(slug, _)| *slug)
}

/// Every page but the home and the accessibility statement (linked from every page's
/// footer), for its list.
pub fn index() -> Vec<GuideSummary> {
    PAGES
        .iter()
        .filter(|p| p.slug != "index" && p.slug != STATEMENT)
        .map(|p| GuideSummary {
            slug: p.slug.to_owned(),
            title: p.meta.title.clone(),
            summary: p.meta.summary.clone(),
            audience: p.meta.audience,
            basis: p.meta.basis.clone(),
        })
        .collect()
}

/// A page with the live count of its search; `None` for an unknown slug.
pub async fn page(state: &AppState, slug: &str) -> Result<Option<GuidePage>, AppError> {
    let Some(found) = PAGES.iter().find(|p| p.slug == slug) else { return Ok(None) };
    let count = match &found.meta.search {
        Some(address) => count(state, address).await,
        None => None,
    };
    Ok(Some(GuidePage { count, ..found.clone() }))
}

/// What a visitor's search of `address` finds now; `None` when the engine does not answer
/// (the page still shows, with its link).
async fn count(state: &AppState, address: &str) -> Option<u64> {
    let query = catalogue::parse_query(address.split_once('?').map_or("", |(_, q)| q));
    match catalogue::search(state, None, &query).await {
        Ok(found) => Some(found.total),
        Err(error) => {
            tracing::warn!(%error, address, "guide search not counted");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_guide_is_served_and_reads() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/guide");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("guide directory")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut served: Vec<String> = slugs().map(|s| format!("{s}.md")).collect();
        served.sort();
        assert_eq!(files, served, "a page of app/guide/ is not in SOURCES, or the reverse");
        assert_eq!(PAGES.len(), SOURCES.len(), "a page's facts do not read");
    }

    #[test]
    fn codes_links_and_searches_of_the_pages_exist() {
        let known: Vec<String> = slugs().map(|s| format!("/guide/{s}")).collect();
        for (slug, text) in SOURCES {
            let (meta, html) = read(text).unwrap_or_else(|e| panic!("{slug}: {e}"));
            for code in &meta.criteria {
                assert!(code.parse::<CriterionCode>().is_ok(), "{slug}: criterion {code}");
            }
            for code in &meta.templates {
                assert!(Template::find(code).is_some(), "{slug}: template {code}");
            }
            // The search reads back whole: no filter of the link is dropped as unknown.
            if let Some(address) = &meta.search {
                let raw = address.split_once('?').map_or("", |(_, q)| q);
                let read_back = catalogue::parse_query(raw).query_string();
                assert_eq!(pairs(&read_back), pairs(raw), "{slug}: {address} loses a filter");
            }
            // Every link inside the guide leads to one of its pages.
            for link in html.split("href=\"/guide/").skip(1) {
                let target = link.split(['"', '#']).next().unwrap_or_default();
                assert!(known.contains(&format!("/guide/{target}")), "{slug}: /guide/{target}");
            }
            assert!(!html.contains("<script"), "{slug}");
        }
    }

    /// A query string's pairs, decoded and sorted.
    fn pairs(query: &str) -> Vec<(String, String)> {
        let mut pairs: Vec<_> =
            url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        pairs.sort();
        pairs
    }

    #[test]
    fn html_in_the_text_is_written_as_text() {
        let html = render(
            "Un <script>alert(1)</script> et <b>gras</b>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }
}
