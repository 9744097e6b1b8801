//! A purchases file for the demo data (`server seed-demo`): last year's purchases of the demo
//! private buyer (`entreprise@demo.ecossol.fr`'s organisation), some from structures of the
//! demo directory (by SIRET, one by SIREN alone), some from suppliers it does not know, so
//! that `/veille/imports` and the unmatched suppliers are not empty. Only on a database
//! seed-demo filled, once.

use std::convert::Infallible;

use super::imports::{Keeper, confirm_pending, keep_pending};
use crate::{
    db::{Db, demo_data, memberships, purchase_imports, structures, users},
    domain::{
        Outcome,
        calendar::Day,
        directory::siret::passes_luhn,
        watch::{ImportBounds, bounds::CSV_LINES},
    },
    error::AppError,
};

/// 13 digits completed with the digit that makes them pass the Luhn check.
fn with_check_digit(first: &str) -> String {
    (0..10)
        .map(|d| format!("{first}{d}"))
        .find(|n| passes_luhn(n))
        .unwrap_or_else(|| format!("{first}0"))
}

/// The file's text: a semicolon CSV with French amounts, as a spreadsheet exports it.
fn file_text(year: i64, known: &[(String, String)]) -> String {
    let mut text = String::from(
        "Fournisseur;SIRET;Montant HT;Date;Catégorie;Service acheteur;Clause sociale\n",
    );
    let trades = [
        ("77310000-6 Entretien des espaces verts", "Services généraux", "Clause sociale"),
        ("90911200-8 Nettoyage de locaux", "Services généraux", "Marché réservé"),
        ("79810000-5 Impression", "Communication", "Aucune"),
        ("55520000-1 Traiteur", "Ressources humaines", "Critère social"),
        ("50000000-5 Réparation et entretien", "Atelier", "Clause sociale, Critère social"),
    ];
    for (i, (name, siret)) in known.iter().enumerate() {
        let (category, service, social) = trades[i % trades.len()];
        // The fourth supplier is named by its SIREN alone: matched all the same.
        let number = if i == 3 { siret[..9].to_owned() } else { siret.clone() };
        let cents = 180_000 + i64::try_from(i).unwrap_or(0) * 73_550;
        text.push_str(&format!(
            "{name};{number};{},{:02};{:02}/{:02}/{year};{category};{service};{social}\n",
            cents / 100,
            cents % 100,
            3 + i,
            2 + i
        ));
    }
    let strangers = [
        ("Imprimerie du Vercors", with_check_digit("3841234560001"), "8 420,00", "Aucune"),
        (
            "Transports Alpins Solidaires",
            with_check_digit("4123456780002"),
            "12 960,50",
            "Clause sociale",
        ),
        ("Café associatif La Bobine", String::new(), "1 150,00", "Aucune"),
    ];
    for (name, siret, amount, social) in strangers {
        text.push_str(&format!("{name};{siret};{amount};{year};;Communication;{social}\n"));
    }
    text
}

/// Imports the demo buyer's file once; returns its lines (0 when nothing was done).
pub async fn seed(db: &Db, now: i64) -> Result<i64, AppError> {
    if !demo_data::is_demo(db).await? || purchase_imports::count(db).await? > 0 {
        return Ok(0);
    }
    let Some(user) = users::find_by_email(db, "entreprise@demo.ecossol.fr").await? else {
        return Ok(0);
    };
    let Some(organisation) = memberships::of_user(db, &user.id).await?.into_iter().next() else {
        return Ok(0);
    };
    let known: Vec<(String, String)> = structures::published(db, 40, 0)
        .await?
        .into_iter()
        .filter_map(|s| s.siret.map(|siret| (s.name, siret)))
        .filter(|(_, siret)| siret.len() == 14)
        .take(5)
        .collect();
    let year = Day::of_instant(now).year() - 1;
    let text = file_text(year, &known);
    let file_name = format!("achats-{year}.csv");
    let keeper =
        Keeper { organisation_id: &organisation.id, user_id: &user.id, file_name: &file_name, now };
    let piece = futures_util::stream::iter([Ok::<_, Infallible>(text.into_bytes())]);
    let kept = keep_pending(db, ImportBounds::default(), &keeper, piece).await?;
    let Outcome::Done(id) = kept else { return Ok(0) };
    let row = purchase_imports::find(db, &id).await?.ok_or(AppError::Internal)?;
    match confirm_pending(db, &row, &organisation.id, &user.id, now, CSV_LINES).await? {
        Outcome::Done(_) => Ok(purchase_imports::find(db, &id).await?.map_or(0, |r| r.line_count)),
        _ => Ok(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Siret;

    #[test]
    fn the_demo_file_reads_without_error() {
        let known = vec![("Régie".to_owned(), "73282932000074".to_owned())];
        let text = file_text(2025, &known);
        assert!(Siret::parse(&with_check_digit("3841234560001")).is_ok());
        use super::super::files::{Format, Input, sheet};
        let csv = || Input::of_bytes(text.as_bytes(), Format::Csv);
        let sheet = sheet(csv(), 0).expect("sheet");
        let mapping = crate::domain::watch::Mapping::guess(&sheet.headers);
        assert!(mapping.missing().is_empty(), "{:?}", mapping.text());
        let scan = super::super::scan::scan(csv(), &mapping, 100, |_, _| {
            std::ops::ControlFlow::Continue(())
        })
        .expect("readable");
        assert_eq!((scan.lines, scan.error_count), (4, 0), "{:?}", scan.errors);
    }
}
