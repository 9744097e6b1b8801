//! `/hqs`: the référentiel in force — each criterion, its legal basis and evidence — its
//! earlier versions, and for animators the form to publish the next one.

use crate::domain::Code;
use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::{Meta, Title};

use crate::{
    domain::{
        calendar::french_date,
        hqs::{LIBRARY, Threshold, views::ReferentialVersion},
    },
    server_fns::hqs::{PublishReferential, get_referential},
    ui::components::{field_error, refusal, succeeded},
};

#[component]
pub fn ReferentialPage() -> impl IntoView {
    let publish = ServerAction::<PublishReferential>::new();
    let page = Resource::new(move || publish.version().get(), |_| get_referential());
    view! {
        <Title text="Référentiel Haute Qualité Solidaire"/>
        <Meta name="description" content="Les critères sociaux du référentiel HQS d'Ecossol, leur base légale et les pièces qui les prouvent."/>
        <h1>"Référentiel « Haute Qualité Solidaire »"</h1>
        <p>"La qualité solidaire n'a pas de définition officielle : Ecossol la définit comme un référentiel de critères, chacun fondé sur un texte, que les acheteurs adoptent ou adaptent dans leurs " <a href="/hqs/profils">"profils d'exigences"</a> "."</p>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(page) => {
                        let latest = page.versions.first().cloned();
                        view! {
                            {latest.clone().map(|v| view! { <Criteria version=v/> })}
                            <section class="panel">
                                <h2>"Versions"</h2>
                                <ol class="plain-list" id="versions">
                                    {page.versions.iter().map(|v| view! {
                                        <li>"Version " {v.version} " du " {french_date(v.published_at)} " — " {v.note.clone()}</li>
                                    }).collect_view()}
                                </ol>
                            </section>
                            {page.can_publish.then(|| latest.map(|v| view! { <PublishForm action=publish latest=v/> }))}
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Criteria(version: ReferentialVersion) -> impl IntoView {
    view! {
        <section class="panel" id="criteria">
            <h2>"Critères de la version " {version.version}</h2>
            {version.referential.entries.into_iter().map(|entry| {
                let d = entry.criterion.definition();
                view! {
                    <article class="criterion" id=format!("critere-{}", d.code.code())>
                        <h3>{d.title_fr} <span class="muted" lang="en">" · " {d.title_en}</span></h3>
                        <p>{d.explanation_fr}</p>
                        <p><strong>"Base : "</strong>{d.basis} " — " {d.basis_summary}</p>
                        <p><strong>"Ce qu'Ecossol vérifie : "</strong>{d.checks}</p>
                        {(!d.evidence.is_empty()).then(|| view! {
                            <p><strong>"Pièces : "</strong>{d.evidence.iter().map(|e| e.label()).collect::<Vec<_>>().join(" ; ")}</p>
                        })}
                        {(!matches!(entry.default_threshold, Threshold::None)).then(|| view! {
                            <p><strong>"Seuil par défaut : "</strong>{entry.default_threshold.describe()}</p>
                        })}
                    </article>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn PublishForm(
    action: ServerAction<PublishReferential>,
    latest: ReferentialVersion,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let note_error = field_error(answer, "note");
    let criteria_error = field_error(answer, "criteria");
    let published = succeeded(answer, "publie");
    let refused = refusal(answer);
    view! {
        <section class="panel" id="publish">
            <h2>"Publier une nouvelle version"</h2>
            <p class="muted">"Les profils et les contrôles gardent la version sur laquelle ils ont été faits."</p>
            <p class="success" role="status">{move || published.get().then_some("Nouvelle version publiée.")}</p>
            <ActionForm action=action attr:id="publish-form" attr:novalidate=true>
                {LIBRARY.iter().map(|d| {
                    let code = d.code.code();
                    let current = latest.referential.entries.iter().find(|e| e.criterion == d.code);
                    let min = current.and_then(|e| match e.default_threshold { Threshold::Percent { min } => Some(min.to_string()), _ => None });
                    let error = field_error(answer, code);
                    view! {
                        <div class="field">
                            <label class="checkbox">
                                <input type="checkbox" name=format!("values[{code}.keep]") value="1" checked=current.is_some()/>
                                " " {d.title_fr}
                            </label>
                            {min.map(|min| view! {
                                " — seuil " <input type="number" class="narrow" min="1" max="100" aria-label="Seuil (%)" name=format!("values[{code}.min]") value=min/> " %"
                            })}
                            <p class="field-error" role="alert">{move || error.get()}</p>
                        </div>
                    }
                }).collect_view()}
                <p class="field-error" role="alert">{move || criteria_error.get()}</p>
                <div class="field">
                    <label for="champ-note">"Ce qui change *"</label>
                    <textarea id="champ-note" name="note"></textarea>
                    <p class="field-error" id="champ-note-erreur" role="alert">{move || note_error.get()}</p>
                </div>
                <p class="error" role="alert">{move || refused.get()}</p>
                <button type="submit">"Publier"</button>
            </ActionForm>
        </section>
    }
}
