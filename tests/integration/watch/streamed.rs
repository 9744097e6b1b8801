//! A purchases file received and read back in chunks: a file of several chunks imports
//! exactly, a character cut by a chunk's end still reads as UTF-8, and a file past a bound is
//! refused in French with nothing kept.

use app::{
    clock::Clock,
    domain::{Outcome, watch::ImportBounds},
    services::watch::imports::{CHUNK, Keeper, keep_pending},
};
use sha2::{Digest, Sha256};
use tests::{Buyer, TestApp, count, purchases_csv, spawn_app, spawn_app_with};

/// The pieces an upload arrives in when the network cuts it finely (HTTP on this machine
/// gives far larger ones): 64 KiB, so that a piece ends exactly where a chunk does.
const PIECE: usize = 64 * 1024;

/// Sends `bytes` to the import service in pieces of [`PIECE`] bytes, as `email` of `buyer`.
async fn kept_in_pieces(
    app: &TestApp,
    buyer: &Buyer,
    email: &str,
    bounds: ImportBounds,
    bytes: &[u8],
) -> Outcome<String> {
    let user_id = app.user_id(email).await;
    let keeper = Keeper {
        organisation_id: &buyer.organisation_id,
        user_id: &user_id,
        file_name: "achats.csv",
        now: app.clock.now_ms(),
    };
    let pieces = futures_util::stream::iter(
        bytes.chunks(PIECE).map(|piece| Ok::<_, std::convert::Infallible>(piece.to_vec())),
    );
    keep_pending(&app.state.db, bounds, &keeper, pieces).await.expect("received")
}

async fn chunks_of(app: &TestApp, import_id: &str) -> i64 {
    let db = tests::pool(&app.database_url).await;
    sqlx::query_scalar("SELECT COUNT(*) FROM purchase_import_chunks WHERE import_id = $1")
        .bind(import_id)
        .fetch_one(&db)
        .await
        .expect("chunks")
}

/// The lines and total (cents) of a generated file, read here from its text.
fn lines_and_total(bytes: &[u8]) -> (i64, i64) {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let amounts: Vec<i64> = text
        .lines()
        .skip(1)
        .map(|line| {
            let amount = line.split(';').nth(2).expect("amount");
            let (euros, cents) = amount.split_once(',').expect("cents");
            euros.parse::<i64>().expect("euros") * 100 + cents.parse::<i64>().expect("cents")
        })
        .collect();
    (i64::try_from(amounts.len()).expect("lines"), amounts.iter().sum())
}

#[tokio::test]
async fn a_file_of_several_chunks_imports_every_line() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Grenoble-Alpes Métropole", "achats@metropole.fr").await;
    // Its lines stored in batches of 500 (storing is what a test pays for).
    let bytes = purchases_csv(14_000, 3);
    assert!(bytes.len() > CHUNK, "{} bytes", bytes.len());
    let (lines, total) = lines_and_total(&bytes);

    let id = app.pending_import(&buyer, "achats-2025.csv", bytes.clone()).await;
    assert_eq!(chunks_of(&app, &id).await, 2, "kept in chunks of 1 MiB");
    let page = app.purchase_import(&buyer.client, &id).await;
    assert_eq!(page["preview"]["error_count"], 0, "{}", page["preview"]["errors"]);
    assert_eq!(page["preview"]["line_count"], lines);
    app.confirm_import(&buyer.client, &id).await;

    let db = tests::pool(&app.database_url).await;
    let (stored, sum): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), CAST(SUM(amount_cents) AS BIGINT) FROM purchases WHERE import_id = $1",
    )
    .bind(&id)
    .fetch_one(&db)
    .await
    .expect("lines");
    assert_eq!((stored, sum), (lines, total));
    let (size, hash): (i64, String) =
        sqlx::query_as("SELECT size_bytes, content_hash FROM purchase_imports WHERE id = $1")
            .bind(&id)
            .fetch_one(&db)
            .await
            .expect("import");
    assert_eq!(size, i64::try_from(bytes.len()).expect("size"));
    let expected: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hash, expected, "hashed across pieces");
    assert_eq!(chunks_of(&app, &id).await, 0, "the file goes once its lines are stored");
}

#[tokio::test]
async fn a_character_cut_by_the_end_of_a_chunk_reads_as_utf8() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville d'Échirolles", "achats@echirolles.fr").await;
    // A few lines made long by a column no role reads, so that a chunk's end falls among
    // the lines the preview shows.
    let mut text = String::from("Fournisseur;Montant HT;Date;Notes\n");
    for n in 1..=18 {
        text.push_str(&format!("Atelier {n};10,00;2025;{}\n", "x".repeat(54_000)));
    }
    // « Régie » starts one byte before the chunk's end: its « é » is cut in two.
    let padding = CHUNK - 2 - text.len() - "Atelier;1,00;2025;\n".len();
    text.push_str(&format!("Atelier;1,00;2025;{}\n", "x".repeat(padding)));
    text.push_str("Régie de quartier;5,00;2025;\nAtelier 20;2,00;2025;\n");
    assert_eq!(&text.as_bytes()[CHUNK - 1..CHUNK + 1], "é".as_bytes());

    // Cut between two pieces as well.
    let kept = kept_in_pieces(
        &app,
        &buyer,
        "achats@echirolles.fr",
        ImportBounds::default(),
        text.as_bytes(),
    )
    .await;
    let Outcome::Done(cut) = kept else { panic!("kept: {kept:?}") };
    let page = app.purchase_import(&buyer.client, &cut).await;
    assert_eq!(page["preview"]["lines"][19]["supplier"], "Régie de quartier");

    let id = app.pending_import(&buyer, "achats.csv", text.into_bytes()).await;
    assert_eq!(chunks_of(&app, &id).await, 2);
    let page = app.purchase_import(&buyer.client, &id).await;
    assert_eq!(page["preview"]["error_count"], 0, "{}", page["preview"]["errors"]);
    let shown = &page["preview"]["lines"][19];
    assert_eq!(shown["supplier"], "Régie de quartier", "{shown}");
    app.confirm_import(&buyer.client, &id).await;
    let db = tests::pool(&app.database_url).await;
    let encoding: Option<String> =
        sqlx::query_scalar("SELECT text_encoding FROM purchase_imports WHERE id = $1")
            .bind(&id)
            .fetch_one(&db)
            .await
            .expect("import");
    assert_eq!(encoding.as_deref(), Some("utf-8"));
    let stored = app.ledger_lines(&id).await;
    assert_eq!(stored.len(), 21);
    assert_eq!((stored[19].0, stored[19].1.as_str()), (21, "Régie de quartier"));
}

#[tokio::test]
async fn a_file_past_the_line_bound_is_refused_and_nothing_is_kept() {
    let bounds = ImportBounds { csv_lines: 15_000, ..ImportBounds::default() };
    let app = spawn_app_with(move |settings| settings.watch.import_bounds = bounds).await;
    let buyer = app.verified_buyer("Ville de Meylan", "achats@meylan.fr").await;
    // Past the bound after its first chunk was stored.
    let bytes = purchases_csv(20_000, 5);
    assert!(bytes.len() > CHUNK * 3 / 2);

    let sent = app
        .upload_purchases(&buyer.client, &buyer.organisation_id, "achats-2025.csv", bytes.clone())
        .await;
    assert_eq!(tests::import_id_of(&sent), None);
    let html = app.follow(&buyer.client, &sent).await;
    assert!(
        html.contains("Le fichier compte plus de 15\u{a0}000 lignes : découpez-le"),
        "the French error under the form: {html}"
    );
    assert_eq!(count(&app.database_url, "purchase_imports").await, 0);
    assert_eq!(count(&app.database_url, "purchase_import_chunks").await, 0);

    // In small pieces, its first chunk is stored before the bound is passed: deleted too.
    let kept = kept_in_pieces(&app, &buyer, "achats@meylan.fr", bounds, &bytes).await;
    let Outcome::Invalid(errors) = kept else { panic!("refused: {kept:?}") };
    assert!(errors.first().unwrap_or_default().starts_with("Le fichier compte plus de 15"));
    assert_eq!(count(&app.database_url, "purchase_imports").await, 0);
    assert_eq!(count(&app.database_url, "purchase_import_chunks").await, 0);

    // Within the bound, the same buyer's file is kept.
    let id = app.pending_import(&buyer, "achats-2025.csv", purchases_csv(15_000, 5)).await;
    assert!(chunks_of(&app, &id).await > 1);
}
