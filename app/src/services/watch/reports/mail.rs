//! The scheduled report's mail: the period's key figures as the person may see them (secret
//! cells stay secret), against the period before, with a link to the printable report.

use crate::{
    domain::{
        accounts::Acting,
        needs::budget::euros,
        watch::indicators::{Figures, Filters, Part, Period, SECRET, Shown, percent},
    },
    error::AppError,
    services::{mail::Mail, watch::indicators},
    state::AppState,
};

fn amount(part: Shown<Part>) -> String {
    part.value().map_or_else(|| SECRET.to_owned(), |p| euros(p.amount_cents))
}

fn count(part: Shown<Part>) -> String {
    part.value().map_or_else(|| SECRET.to_owned(), |p| p.contracts.to_string())
}

/// The lines of one period's figures.
fn lines(f: &Figures) -> String {
    let share = |part: Shown<Part>, value| percent(value, part.is_secret() || f.total.is_secret());
    let hours = f.hours.value().map_or_else(
        || SECRET.to_owned(),
        |h| format!("{} h réalisées sur {} h demandées", h.done, h.asked),
    );
    format!(
        "- Achats : {} HT, {} contrats\n\
         - Contrats avec au moins une considération sociale (indicateur PNAD, cible 30 %) : {} \
           des contrats, {} du montant\n\
         - Achats auprès de structures de l'ESS : {} ({} du montant)\n\
         - dont SIAE : {} ({})\n\
         - dont structures du handicap (EA, ESAT) : {} ({})\n\
         - Heures d'insertion : {hours}\n",
        amount(f.total),
        count(f.total),
        share(f.social, f.shares.social_by_count),
        share(f.social, f.shares.social_by_amount),
        amount(f.ess),
        share(f.ess, f.shares.ess_by_amount),
        amount(f.siae),
        share(f.siae, f.shares.siae_by_amount),
        amount(f.handicap),
        share(f.handicap, f.shares.handicap_by_amount),
    )
}

/// The report of `period` for `person`; `None` when they may no longer receive it.
pub async fn report(
    state: &AppState,
    person: &Acting,
    period: Period,
) -> Result<Option<Mail>, AppError> {
    if !super::may_subscribe(person) {
        return Ok(None);
    }
    let filters = Filters { period: Some(period), ..Filters::default() };
    let dashboard = indicators::compute(state, Some(person), &filters).await?;
    let link = format!("{}/veille/rapport?{}", state.public_url, super::query(period));
    let body = format!(
        "Bonjour {name},\n\n\
         Voici les chiffres de la veille des achats solidaires pour {current} \
         (« secret » : une case faite de moins de trois acheteurs).\n\n\
         {current} :\n{now}\n\
         {previous_label} :\n{before}\n\
         Le rapport complet, avec ses graphiques et les définitions de chaque indicateur : \
         {link}\n\n\
         Vous recevez ce courriel parce que vous êtes abonné au rapport de la veille ; \
         pour l'arrêter : {public}/veille/abonnement\n\n\
         Le pôle d'achats solidaires",
        name = person.user().display_name,
        current = dashboard.period_label,
        now = lines(&dashboard.current),
        previous_label = dashboard.previous_label,
        before = lines(&dashboard.previous),
        public = state.public_url,
    );
    Ok(Some(Mail {
        to: person.user().email.clone(),
        subject: format!("Veille des achats solidaires : {}", dashboard.period_label),
        body,
    }))
}
