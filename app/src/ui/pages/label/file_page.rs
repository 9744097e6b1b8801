//! `/label-hqs/dossiers/<id>`: a label file — where it stands, the label it became, the
//! steps each party may take, and its history. The criteria and pieces are on the file's
//! check page.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::file_steps::Steps;
use crate::{
    domain::{calendar::french_iso_date, label::views::LabelView},
    error::AppError,
    server_fns::label::{LabelStep, get_label_file},
    ui::pages::hqs::check_parts::HistoryList,
};

#[component]
pub fn LabelFilePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let step = ServerAction::<LabelStep>::new();
    let file = Resource::new(move || (id(), step.version().get()), |(id, _)| get_label_file(id));
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match file.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir ce dossier. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(AppError::NotFound) => view! {
    <ErrorView error=AppError::NotFound>
                            <Title text="Dossier introuvable"/>
                            <h1>"Dossier introuvable"</h1>
                            <p>"Ce dossier n'existe pas ou ne vous concerne pas."</p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(view) => view! { <FileDetails view=view step=step/> }.into_any(),
                    }
                })}
            </Suspense>
        }
}

#[component]
fn FileDetails(view: LabelView, step: ServerAction<LabelStep>) -> impl IntoView {
    let title = format!("Label HQS : {}", view.structure_name);
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <p class="muted">
            <a href=format!("/structures/{}", view.structure_slug)>{view.structure_name.clone()}</a>
            " · profil du label, version " {view.label_version}
            {view.renewal_of.is_some().then_some(" · renouvellement")}
        </p>
        <p>"État : " <strong id="label-state">{view.state.label()}</strong></p>
        {view.number.clone().map(|number| view! {
            <dl class="facts panel" id="label-granted">
                <dt>"Numéro"</dt><dd id="label-number"><code>{number.clone()}</code></dd>
                {view.level.map(|l| view! { <dt>"Niveau"</dt><dd id="label-level">{l.label()}</dd> })}
                {view.score.map(|s| view! { <dt>"Score des critères valorisés"</dt><dd>{s} " / 100"</dd> })}
                {view.valid_from.clone().map(|f| view! { <dt>"Depuis le"</dt><dd>{french_iso_date(&f)}</dd> })}
                {view.valid_until.clone().map(|u| view! { <dt>"Jusqu'au"</dt><dd id="label-until">{french_iso_date(&u)}</dd> })}
            </dl>
        })}
        {view.reason.clone().map(|r| view! { <p id="label-reason"><strong>"Dernier motif : "</strong>{r}</p> })}
        {view.response.clone().map(|r| view! { <p id="label-response"><strong>"Réponse de la structure : "</strong>{r}</p> })}
        {view.preparer_name.clone().map(|p| view! {
            <p>"Instruit par " {p}
                {view.recommendation.map(|r| format!(", qui propose de {}", r.label()))}
                "."
            </p>
        })}
        <p class="panel">
            <a href=format!("/hqs/controles/{}", view.check_id) id="label-check-link">"Critères et pièces du dossier"</a>
            " — l'évaluation critère par critère, les pièces envoyées et leur examen."
        </p>
        <Steps view=view.clone() action=step/>
        <section class="panel">
            <h2>"Journal"</h2>
            <HistoryList history=view.history.clone()/>
        </section>
    }
}
