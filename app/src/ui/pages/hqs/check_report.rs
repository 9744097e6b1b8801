//! `/hqs/controles/<id>/rapport`: the check as a printable report for the procurement file —
//! profile and version, verdicts, evidence and their hashes, decisions, dates.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    check_parts::{EvaluationTable, EvidenceTable, HistoryList},
    requirements_table::RequirementsTable,
};
use crate::{domain::calendar::french_date, error::AppError, server_fns::hqs::get_check};

#[component]
pub fn CheckReportPage() -> impl IntoView {
    let params = use_params_map();
    let check = Resource::new(move || params.read().get("id").unwrap_or_default(), get_check);
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match check.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir ce rapport. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(AppError::NotFound) => view! {
    <ErrorView error=AppError::NotFound> <h1>"Contrôle introuvable"</h1> </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(v) => view! {
                            <Title text=format!("Rapport de contrôle HQS — {}", v.structure_name)/>
                            <article class="report" id="report">
                                <p class="no-print js-only"><button type="button" on:click=|_| { window().print().ok(); }>"Imprimer"</button></p>
                                <h1>"Rapport de contrôle « Haute Qualité Solidaire »"</h1>
                                <dl class="facts">
                                    <dt>"Fournisseur"</dt><dd>{v.structure_name.clone()}</dd>
                                    {v.offer_title.clone().map(|t| view! { <dt>"Offre"</dt><dd>{t}</dd> })}
                                    <dt>"Acheteur"</dt><dd>{v.buyer_name.clone()}</dd>
                                    <dt>"Profil"</dt><dd>{v.profile_name.clone()}</dd>
                                    <dt>"Version du référentiel"</dt><dd>{v.referential_version}</dd>
                                    <dt>"Ouvert le"</dt><dd>{french_date(v.opened_at)}</dd>
                                    <dt>"État"</dt><dd>{v.state.label()}</dd>
                                    <dt>"Décision"</dt>
                                    <dd id="report-decision">
                                        {v.decision.map_or_else(|| "pas encore décidée".to_owned(), |d| d.label().to_owned())}
                                        {v.decided_at.map(|at| format!(" le {}", french_date(at)))}
                                        {v.decision_comment.clone().map(|c| format!(" — {c}"))}
                                    </dd>
                                </dl>
                                <h2>"Exigences du profil"</h2>
                                <RequirementsTable requirements=v.requirements.clone()/>
                                <h2>"Verdicts"</h2>
                                <EvaluationTable evaluation=v.evaluation.clone()/>
                                <h2>"Pièces"</h2>
                                <EvidenceTable evidence=v.evidence.clone()/>
                                <h2>"Journal d'audit"</h2>
                                <p class="muted">"Chaque entrée porte l'empreinte qui la chaîne à la précédente ; la commande « server audit verify » vérifie la chaîne entière."</p>
                                <HistoryList history=v.history.clone()/>
                            </article>
                        }.into_any(),
                    }
                })}
            </Suspense>
        }
}
