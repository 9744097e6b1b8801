//! Parts of a check shown on its page and in its printable report.

use crate::domain::Code;
use leptos::prelude::*;

use crate::domain::{
    calendar::{french_date, french_iso_date},
    hqs::{
        Verdict,
        evaluate::Evaluation,
        views::{EvidenceView, HistoryEntry},
    },
};

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => "verdict-met",
        Verdict::NotMet => "verdict-not-met",
        Verdict::Unknown => "verdict-unknown",
        Verdict::Expired => "verdict-expired",
    }
}

/// The verdict per criterion, the overall verdict and the score.
#[component]
pub fn EvaluationTable(evaluation: Evaluation) -> impl IntoView {
    view! {
        <p id="overall">
            "Pré-verdict : " <strong>{evaluation.overall.label()}</strong>
            {evaluation.score.map(|s| format!(" · score des critères pondérés : {s} / 100"))}
            {evaluation.scope_note.clone().map(|n| format!(" · {n}"))}
        </p>
        <table class="data-table" id="verdicts">
            <thead>
                <tr><th scope="col">"Critère"</th><th scope="col">"Exigence"</th><th scope="col">"Verdict"</th><th scope="col">"Explication"</th></tr>
            </thead>
            <tbody>
                {evaluation.results.into_iter().map(|r| view! {
                    <tr data-critere=r.criterion.code()>
                        <td>{r.criterion.definition().title_fr}</td>
                        <td>{r.requirement.label()}</td>
                        <td class=verdict_class(r.verdict)>{r.verdict.label()}</td>
                        <td>{r.explanation}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The pieces sent, with their hash and review.
#[component]
pub fn EvidenceTable(evidence: Vec<EvidenceView>, #[prop(optional)] links: bool) -> impl IntoView {
    if evidence.is_empty() {
        return view! { <p class="muted" id="no-evidence">"Aucune pièce pour l'instant."</p> }
            .into_any();
    }
    view! {
        <table class="data-table" id="evidence">
            <thead>
                <tr><th scope="col">"Pièce"</th><th scope="col">"Fichier"</th><th scope="col">"Empreinte SHA-256"</th><th scope="col">"Examen"</th></tr>
            </thead>
            <tbody>
                {evidence.into_iter().map(|e| view! {
                    <tr data-piece=e.id.clone()>
                        <td>
                            {e.kind.label()}
                            {e.valid_until.as_deref().map(|u| format!(" (valable jusqu'au {})", french_iso_date(u)))}
                        </td>
                        <td>
                            {if links {
                                view! { <a href=format!("/hqs/pieces/{}", e.id)>{e.file_name.clone()}</a> }.into_any()
                            } else {
                                view! { <span>{e.file_name.clone()}</span> }.into_any()
                            }}
                            " · " {format!("{} Ko", (e.size_bytes + 1023) / 1024)} " · " {french_date(e.uploaded_at)}
                        </td>
                        <td><code class="hash">{e.sha256.clone()}</code></td>
                        <td class="review">
                            {e.review.label()}
                            {e.review_reason.clone().map(|r| format!(" — {r}"))}
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// The check's audit trail.
#[component]
pub fn HistoryList(history: Vec<HistoryEntry>) -> impl IntoView {
    view! {
        <ol class="plain-list history" id="history">
            {history.into_iter().map(|h| view! {
                <li>
                    <strong>{h.action}</strong> " — " {french_date(h.at)}
                    {(!h.actor.is_empty()).then(|| format!(", par {}", h.actor))}
                    {(!h.details.is_empty()).then(|| view! { <br/><span>{h.details.clone()}</span> })}
                    <br/><small class="muted">"Entrée n° " {h.seq} " du journal d'audit · " <code class="hash">{h.hash}</code></small>
                </li>
            }).collect_view()}
        </ol>
    }
}
