//! The watch's journey: a member of a verified buyer sends its purchases file (Windows-1252,
//! semicolons), maps a column on screen and sees a bad SIRET named with its line and column,
//! nothing stored; sends the corrected file, which comes mapped, previews and imports it; its
//! dashboard, for the latest year then for the year it chooses, and the CSV export of its key
//! figures give the file's totals.

use app::domain::needs::budget::euros;
use tests::{Browser, JavaScript, TestApp, spawn_app, windows_1252};

use crate::steps::{open, sign_in, submit, text_of, wait_text};

/// A line of the buyer's file: supplier, SIRET, amount in cents, day.
type Line = (&'static str, &'static str, i64, &'static str);

/// « Mt » is no header the page recognises: the buyer says on screen it is the amount.
const HEADER: &str = "Tiers;SIRET;Mt;Date de facture;Observations";

const LINES: [Line; 3] = [
    ("Régie de quartier Villeneuve", "73282932000074", 125_050, "15/11/2024"),
    ("Atelier d’insertion du Drac", "", 340_000, "02/04/2025"),
    ("Papeterie Lœuvre", "", 82_000, "20/05/2025"),
];

/// The file's lines of `year`: how many, and their amount in cents.
fn of_year(year: &str) -> (usize, i64) {
    let lines: Vec<&Line> = LINES.iter().filter(|l| l.3.ends_with(year)).collect();
    (lines.len(), lines.iter().map(|l| l.2).sum())
}

/// The file as Excel writes it on a French Windows.
fn purchases_file(lines: &[Line]) -> Vec<u8> {
    let mut text = format!("{HEADER}\r\n");
    for (supplier, siret, cents, on) in lines {
        text.push_str(&format!(
            "{supplier};{siret};{},{:02};{on};Entretien\r\n",
            cents / 100,
            cents % 100
        ));
    }
    windows_1252(&text)
}

async fn hydrated(browser: &Browser, javascript: JavaScript) {
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
}

/// Sends `bytes` as « achats-2025.csv » from the imports page; lands on the import's page.
async fn upload(
    app: &TestApp,
    browser: &Browser,
    javascript: JavaScript,
    folder: &tempfile::TempDir,
    bytes: &[u8],
) {
    let path = folder.path().join("achats-2025.csv");
    std::fs::write(&path, bytes).expect("write the file");
    open(app, browser, "/veille/imports", javascript).await;
    browser
        .find("#upload-file")
        .await
        .send_keys(&path.to_string_lossy())
        .await
        .expect("choose the file");
    submit(browser, "#purchase-upload-form").await;
    wait_text(browser, "#import-state", "À vérifier et confirmer").await;
    hydrated(browser, javascript).await;
}

/// The export's text, fetched as the browser's person (with its cookies).
async fn download(app: &TestApp, browser: &Browser, href: &str) -> String {
    let cookies = browser.client.get_all_cookies().await.expect("cookies");
    let header: Vec<String> =
        cookies.iter().map(|c| format!("{}={}", c.name(), c.value())).collect();
    let response = reqwest::Client::new()
        .get(app.url(href))
        .header("cookie", header.join("; "))
        .send()
        .await
        .expect("export");
    assert_eq!(response.status(), 200, "{href}");
    response.text().await.expect("text").trim_start_matches('\u{feff}').to_owned()
}

/// Chooses the dashboard's year: hydrated, the choice applies at once, without a page load
/// (a marker on `window` survives) nor a blocked inline handler; without JavaScript, with
/// the form's button.
async fn choose_year(browser: &Browser, javascript: JavaScript, year: &str) {
    let run = async |script: &str| browser.client.execute(script, vec![]).await.expect("script");
    if javascript == JavaScript::Enabled {
        run("window.ecossolMarker = 42;").await;
    }
    let option = format!("#filtre-annee option[value='{year}']");
    browser.find(&option).await.click().await.expect("the year");
    if javascript == JavaScript::Disabled {
        submit(browser, "#indicators-form").await;
    }
    let chosen = tests::eventually(10, async || {
        let url = browser.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        url.contains(&format!("annee={year}"))
    })
    .await;
    assert!(chosen, "the year is in the address");
    if javascript == JavaScript::Enabled {
        assert_eq!(run("return window.ecossolMarker;").await, 42, "no page load");
        let blocked: Vec<String> = browser
            .console()
            .await
            .into_iter()
            .filter(|m| m.contains("Content Security Policy"))
            .collect();
        assert!(blocked.is_empty(), "{blocked:?}");
    }
}

async fn watch_journey(app: &TestApp, javascript: JavaScript) {
    app.verified_buyer("Ville de Seyssinet", "achats@seyssinet.fr").await;
    // Another buyer's purchase: not this buyer's figures.
    app.ledger_line(None, "none", None).await;
    let folder = tempfile::tempdir().expect("folder");
    let browser = Browser::start(javascript).await;
    sign_in(app, &browser, "achats@seyssinet.fr", javascript).await;

    // A file whose second line has a wrong SIRET: the amount's column is chosen on screen,
    // the error is named with its file, line and column, and nothing can be imported.
    let mut wrong = LINES;
    wrong[1].1 = "73282932000075";
    upload(app, &browser, javascript, &folder, &purchases_file(&wrong)).await;
    wait_text(&browser, "#import-errors", "Aucune colonne ne donne « Montant HT »").await;
    browser.find("#champ-role_3 option[value='amount']").await.click().await.expect("amount");
    submit(&browser, "#import-mapping-form").await;
    wait_text(&browser, "#import-counts", "· 1 erreur").await;
    wait_text(
        &browser,
        "#import-errors",
        "achats-2025.csv, ligne 3, colonne B « SIRET » : Ce numéro SIRET n'existe pas",
    )
    .await;
    let errors = text_of(&browser, "#import-errors").await;
    assert!(!errors.contains("Aucune colonne"), "the amount is found: {errors}");
    wait_text(&browser, "#import-blocked", "rien ne sera importé").await;
    assert!(browser.client.find(fantoccini::Locator::Css("#import-confirm")).await.is_err());
    let stored = tests::count(&app.database_url, "purchases").await;
    assert_eq!(stored, 1, "only the other buyer's line");

    // The corrected file comes with the columns as chosen; its preview, then the import.
    upload(app, &browser, javascript, &folder, &purchases_file(&LINES)).await;
    let amount = browser.find("#champ-role_3 option[value='amount']").await;
    assert!(amount.is_selected().await.expect("selected"), "the mapping is remembered");
    let cents: i64 = LINES.iter().map(|l| l.2).sum();
    let total = euros(cents);
    let counted = format!("{} lignes · total {total} HT", LINES.len());
    wait_text(&browser, "#import-counts", &counted).await;
    wait_text(&browser, "#import-counts", "· 0 erreur").await;
    wait_text(&browser, "#import-lines", "Atelier d’insertion du Drac").await;
    submit(&browser, "#import-confirm-form").await;
    wait_text(&browser, "#import-state", "Importé").await;
    let stored = tests::count(&app.database_url, "purchases").await;
    assert_eq!(stored, 1 + i64::try_from(LINES.len()).expect("few"));

    // Its dashboard shows the latest year, against the one before: its file's lines alone.
    open(app, &browser, "/veille", javascript).await;
    wait_text(&browser, "#scope", "Achats de Ville de Seyssinet").await;
    let (count_2025, cents_2025) = of_year("2025");
    let (count_2024, cents_2024) = of_year("2024");
    assert_eq!(text_of(&browser, "#kf-achats .current").await, count_2025.to_string());
    assert_eq!(text_of(&browser, "#kf-montant .current").await, euros(cents_2025));
    assert_eq!(text_of(&browser, "#kf-montant .previous").await, euros(cents_2024));

    // The year chosen in the filters (hydrated, the figures follow without a reload), and
    // the same figures in the CSV export of the key figures.
    choose_year(&browser, javascript, "2024").await;
    wait_text(&browser, "#kf-montant .current", &euros(cents_2024)).await;
    assert_eq!(text_of(&browser, "#kf-achats .current").await, count_2024.to_string());
    let link = browser.find("a.export-chiffres-csv").await;
    let href = link.attr("href").await.expect("href").expect("a link");
    let csv = download(app, &browser, &href).await;
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.as_bytes());
    let header = reader.headers().expect("header").clone();
    let first = reader.records().next().expect("a row").expect("readable");
    let cell = |name: &str| {
        let column = header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}"));
        first[column].to_owned()
    };
    assert_eq!(cell("Période"), "2024", "{csv}");
    assert_eq!(cell("Achats"), count_2024.to_string(), "{csv}");
    let plain = format!("{},{:02}", cents_2024 / 100, cents_2024 % 100);
    assert_eq!(cell("Montant HT (€)"), plain, "{csv}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buyer_imports_its_purchases_file_and_exports_its_figures_hydrated() {
    let app = spawn_app().await;
    watch_journey(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buyer_imports_its_purchases_file_and_exports_its_figures_without_javascript() {
    let app = spawn_app().await;
    watch_journey(&app, JavaScript::Disabled).await;
}
