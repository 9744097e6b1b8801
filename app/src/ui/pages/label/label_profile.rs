//! `/label-hqs/profil`: the criteria a structure must meet for the label, the versions, and
//! for animators the builder of the next version.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;

use crate::{
    domain::calendar::french_date,
    server_fns::label::{LabelProfilePage as Page, PublishLabelProfile, get_label_profile},
    ui::{
        components::{field_error, refusal, succeeded},
        pages::hqs::{
            profile_fields::{ProfileFields, typed_or},
            requirements_table::RequirementsTable,
        },
    },
};

#[component]
pub fn LabelProfilePage() -> impl IntoView {
    let publish = ServerAction::<PublishLabelProfile>::new();
    let page = Resource::new(move || publish.version().get(), |_| get_label_profile());
    view! {
        <Title text="Profil du label HQS"/>
        <h1>"Profil du label « Haute Qualité Solidaire »"</h1>
        <p>"Les critères obligatoires ouvrent le label ; les critères valorisés en font le niveau : bronze, argent à partir de 50 points sur 100, or à partir de 80."</p>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(page) => view! { <Versions page=page publish=publish/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Versions(page: Page, publish: ServerAction<PublishLabelProfile>) -> impl IntoView {
    let current = page.versions.first().cloned();
    let answer = Signal::derive(move || publish.value().get());
    let note_error = field_error(answer, "note");
    let published = succeeded(answer, "publie");
    let refused = refusal(answer);
    let form = typed_or(page.form.clone());
    view! {
        {current.map(|v| view! {
            <section class="panel" id="label-criteria">
                <h2>"Version " {v.version} " en vigueur"</h2>
                <RequirementsTable requirements=v.requirements.clone()/>
            </section>
        })}
        <section class="panel">
            <h2>"Versions"</h2>
            <ol class="plain-list" id="label-versions">
                {page.versions.iter().map(|v| view! {
                    <li>"Version " {v.version} " du " {french_date(v.published_at)} " (référentiel v" {v.referential_version} ") — " {v.note.clone()}</li>
                }).collect_view()}
            </ol>
        </section>
        {page.can_publish.then(|| view! {
            <section class="panel" id="publish-label">
                <h2>"Publier une nouvelle version"</h2>
                <p class="muted">"Les dossiers déjà ouverts gardent la version avec laquelle ils ont été ouverts."</p>
                <p class="success" role="status">{move || published.get().then_some("Nouvelle version publiée.")}</p>
                <ActionForm action=publish attr:id="label-profile-form" attr:novalidate=true>
                    <ProfileFields form=form latest=page.latest.clone() answer=answer criteria_only=true/>
                    <div class="field">
                        <label for="champ-note">"Ce qui change *"</label>
                        <textarea id="champ-note" name="note"></textarea>
                        <p class="field-error" id="champ-note-erreur" role="alert">{move || note_error.get()}</p>
                    </div>
                    <p class="error" role="alert">{move || refused.get()}</p>
                    <button type="submit">"Publier"</button>
                </ActionForm>
            </section>
        })}
    }
}
