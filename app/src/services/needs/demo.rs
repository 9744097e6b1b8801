//! Needs for the demo data (`server seed-demo`), in every state, so that a newcomer meets a
//! living marketplace: a draft, one waiting for the pôle, one returned for changes, one
//! refused, one open with quotes (the demo supplier's structure among those reached), and
//! one awarded with its purchase. Only on a database seed-demo filled, once.

use crate::{
    db::{
        Db, demo_data, memberships, need_awards,
        need_matches::{self, Mark, NewMatch},
        needs, purchases, quotes, structure_activities, structures, users,
    },
    domain::{
        Code,
        calendar::Day,
        directory::{InseeCode, ServiceKind},
        needs::{
            Budget, NeedKind, NeedState, NeedText, Quote, SocialConsideration, lots::parse_lots,
            quote::LotPrice,
        },
    },
    error::AppError,
};

use super::matching;

pub(super) async fn organisation_of(
    db: &Db,
    email: &str,
) -> Result<Option<(String, String)>, AppError> {
    let Some(user) = users::find_by_email(db, email).await? else { return Ok(None) };
    let first = memberships::of_user(db, &user.id).await?.into_iter().next();
    Ok(first.map(|m| (m.id, user.id)))
}

/// What is bought and where: sector, kind of service, commune.
pub(super) type Trade<'a> = (&'a str, ServiceKind, &'a str);

pub(super) fn text(
    title: &str,
    description: &str,
    (sector, service, place): Trade<'_>,
    lots: &str,
    deadline: Day,
    budget: Budget,
) -> NeedText {
    NeedText {
        kind: Some(NeedKind::Quote),
        title: title.to_owned(),
        description: Some(description.to_owned()),
        notice_url: None,
        cpv: Vec::new(),
        sector: Some(sector.to_owned()),
        service_kind: Some(service),
        lots: parse_lots(lots, title).unwrap_or_default(),
        place: InseeCode::parse(place).ok(),
        radius_km: None,
        start_on: Some(deadline.plus_days(20)),
        deadline_on: Some(deadline),
        budget: Some(budget),
        structure_kinds: Vec::new(),
        families: Vec::new(),
        profile_id: None,
        questions: vec!["Combien de personnes en insertion ou en situation de handicap travailleront sur ce marché ?".to_owned()],
        anonymous: false,
    }
}

/// Inserts a need and walks it to `states` (in order); returns its id.
pub(super) async fn need(
    db: &Db,
    organisation: &str,
    user: &str,
    text: &NeedText,
    states: &[(NeedState, Option<&str>)],
    now: i64,
) -> Result<String, AppError> {
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = crate::db::begin(db).await?;
    needs::insert(&mut tx, &id, organisation, user, text, now).await?;
    let mut from = NeedState::Draft;
    for (to, message) in states {
        needs::set_state(&mut tx, &id, from, *to, *message, now).await?;
        from = *to;
    }
    tx.commit().await?;
    Ok(id)
}

/// Matches a validated need and records answers: the first `quoting` structures send a
/// quote at `prices` (one per lot, rising a little from one structure to the next).
pub(super) async fn reach(
    db: &Db,
    id: &str,
    text: &NeedText,
    quoting: usize,
    prices: &[i64],
    now: i64,
) -> Result<Vec<String>, AppError> {
    let found = matching::find_in(db, now, text).await?;
    let mut tx = crate::db::begin(db).await?;
    let rows: Vec<NewMatch<'_>> = found
        .iter()
        .enumerate()
        .map(|(i, f)| NewMatch {
            structure_id: &f.structure_id,
            rank: i as i64,
            reasons: &f.reasons.reasons,
            distance_km: f.reasons.distance_km,
        })
        .collect();
    need_matches::replace(&mut tx, id, &rows, now).await?;
    let mut quoted = Vec::new();
    for (i, f) in found.iter().enumerate().take(10) {
        need_matches::mark(&mut tx, id, &f.structure_id, Mark::Notified, now).await?;
        if i < quoting {
            need_matches::mark(&mut tx, id, &f.structure_id, Mark::Opened, now).await?;
            need_matches::mark(&mut tx, id, &f.structure_id, Mark::Interested, now).await?;
            let quote = Quote {
                prices: text.lots.iter().zip(prices).map(|(l, p)| LotPrice { lot: l.number, cents: p + (i as i64) * p / 10 }).collect(),
                lead_time: format!("{} semaines", 2 + i),
                message: "Nous connaissons bien ce type de chantier et pouvons vous faire visiter une réalisation récente.".to_owned(),
                answers: vec![format!("{} personnes en insertion encadrées par un chef d'équipe.", 3 + i)],
            };
            quotes::upsert(&mut tx, id, &f.structure_id, &quote, None, now).await?;
            quoted.push(f.structure_id.clone());
        } else if i == quoting {
            need_matches::mark(&mut tx, id, &f.structure_id, Mark::Declined, now).await?;
            need_matches::set_decline_reason(
                &mut tx,
                id,
                &f.structure_id,
                Some("Pas disponibles à ces dates"),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(quoted)
}

/// Seeds the demo needs; how many (0 when the database is no demo or already has needs).
pub async fn seed(db: &Db, now: i64) -> Result<usize, AppError> {
    if !demo_data::is_demo(db).await? || needs::count(db).await? > 0 {
        return Ok(0);
    }
    let (Some((ville, claire)), Some((company, martine))) = (
        organisation_of(db, "ville@demo.ecossol.fr").await?,
        organisation_of(db, "entreprise@demo.ecossol.fr").await?,
    ) else {
        return Ok(0);
    };
    // The demo supplier's trade and commune, so that the open need reaches it.
    let (sector, service, place) = match organisation_of(db, "fournisseur@demo.ecossol.fr").await? {
        Some((org, _)) => {
            let structure = structures::of_organisations(db, &[org]).await?.into_iter().next();
            match structure {
                Some(s) => {
                    let activity =
                        structure_activities::of_structure(db, &s.id).await?.into_iter().next();
                    let place = s
                        .commune_insee
                        .clone()
                        .filter(|c| crate::domain::directory::communes::find(c).is_some());
                    match activity {
                        Some(a) => (
                            a.sector,
                            ServiceKind::from_code(&a.service_kind).unwrap_or(ServiceKind::Service),
                            place.unwrap_or_else(|| "38185".into()),
                        ),
                        None => ("espaces-verts".into(), ServiceKind::Service, "38185".into()),
                    }
                }
                None => ("espaces-verts".into(), ServiceKind::Service, "38185".into()),
            }
        }
        None => ("espaces-verts".into(), ServiceKind::Service, "38185".into()),
    };
    let today = Day::of_instant(now);
    let range = |min: i64, max: i64| Budget::Range { min_cents: min * 100, max_cents: max * 100 };
    let mut made = 0;

    let draft = text(
        "Traiteur pour les vœux du maire",
        "Buffet pour 300 personnes, produits locaux, service compris.",
        ("traiteur", ServiceKind::Service, "38169"),
        "Buffet ; 300 ; couverts",
        today.plus_days(30),
        range(6_000, 9_000),
    );
    need(db, &ville, &claire, &draft, &[], now).await?;
    let waiting = text(
        "Nettoyage des locaux de la mairie annexe",
        "Nettoyage quotidien de 800 m² de bureaux, du lundi au vendredi, avant 8 h.",
        ("nettoyage-locaux", ServiceKind::Service, "38169"),
        "Nettoyage ; 12 ; mois",
        today.plus_days(25),
        range(30_000, 45_000),
    );
    need(db, &ville, &claire, &waiting, &[(NeedState::Submitted, None)], now).await?;
    let returned = text(
        "Impression des supports de communication",
        "Affiches, flyers et programmes de la saison culturelle.",
        ("reprographie", ServiceKind::Goods, "38169"),
        "Affiches ; 500\nFlyers ; 5000",
        today.plus_days(20),
        Budget::Exact { cents: 800_000 },
    );
    need(
        db,
        &ville,
        &claire,
        &returned,
        &[
            (NeedState::Submitted, None),
            (NeedState::Returned, Some("Précisez les formats et le grammage du papier.")),
        ],
        now,
    )
    .await?;
    let refused = text(
        "Achat de véhicules utilitaires",
        "Deux fourgons électriques pour les services techniques.",
        ("transport-personnes", ServiceKind::Goods, "38169"),
        "Fourgon ; 2",
        today.plus_days(40),
        Budget::Exact { cents: 9_000_000 },
    );
    need(db, &company, &martine, &refused, &[(NeedState::Submitted, None), (NeedState::Refused, Some("Aucune structure de l'ESS du territoire ne vend de véhicules : ce besoin sort du champ du pôle."))], now).await?;
    made += 4;

    let open = text(
        "Entretien des espaces extérieurs des écoles",
        "Entretien courant des cours et abords de six écoles, d'avril à octobre.",
        (&sector, service, &place),
        "Entretien courant ; 7 ; mois\nInterventions ponctuelles ; 10 ; interventions",
        today.plus_days(21),
        range(25_000, 40_000),
    );
    let open_id = need(
        db,
        &ville,
        &claire,
        &open,
        &[(NeedState::Submitted, None), (NeedState::Published, None)],
        now,
    )
    .await?;
    reach(db, &open_id, &open, 2, &[2_400_000, 600_000], now).await?;
    super::demo_files::attach(db, &open_id, &claire, &open, now).await?;
    made += 1;

    let done = text(
        "Prestation pour le séminaire annuel",
        "Organisation et service sur une journée pour 80 personnes.",
        (&sector, service, &place),
        "Prestation ; 1 ; journée",
        today.plus_days(-10),
        Budget::Exact { cents: 1_500_000 },
    );
    let done_id = need(
        db,
        &company,
        &martine,
        &done,
        &[(NeedState::Submitted, None), (NeedState::Published, None)],
        now,
    )
    .await?;
    let quoted = reach(db, &done_id, &done, 2, &[1_350_000], now).await?;
    if let Some(winner) = quoted.first() {
        let mut tx = crate::db::begin(db).await?;
        need_awards::insert(
            &mut tx,
            &done_id,
            1,
            winner,
            "Meilleur rapport qualité-prix et références solides.",
            &martine,
            now,
        )
        .await?;
        need_matches::mark(&mut tx, &done_id, winner, Mark::Awarded, now).await?;
        for other in quoted.iter().skip(1) {
            need_matches::mark(&mut tx, &done_id, other, Mark::NotRetained, now).await?;
        }
        needs::set_state(&mut tx, &done_id, NeedState::Published, NeedState::Awarded, None, now)
            .await?;
        if let Some(structure) = structures::find(db, winner).await? {
            let id = uuid::Uuid::new_v4().to_string();
            let purchase = purchases::NewPurchase {
                id: &id,
                source: "ecossol",
                need_id: Some(&done_id),
                buyer_organisation_id: Some(&company),
                buyer_name: "Alpes Ingénierie SA",
                structure_id: Some(winner),
                supplier_name: &structure.name,
                supplier_siret: structure.siret.as_deref(),
                amount_cents: 1_350_000,
                purchased_on: &today.plus_days(-3).iso(),
                cpv: None,
                social_consideration: SocialConsideration::Criterion,
                insertion_hours: None,
                confirmed_by: Some(&martine),
            };
            purchases::insert(&mut tx, &purchase, now).await?;
        }
        tx.commit().await?;
    }
    made += 1;
    made += super::group::demo::seed(db, (&sector, service, &place), now).await?;
    Ok(made)
}
