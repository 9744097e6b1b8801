//! `/label-hqs`: what the label is, the structures that hold it, and a number's
//! verification.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::{Meta, Title};

use crate::{domain::calendar::french_iso_date, server_fns::label::get_label_registry};

#[component]
pub fn LabelRegistryPage() -> impl IntoView {
    let registry = Resource::new(|| (), |_| get_label_registry());
    view! {
        <Title text="Label Haute Qualité Solidaire"/>
        <Meta name="description" content="Les structures de l'économie sociale et solidaire labellisées Haute Qualité Solidaire par le pôle d'achats solidaires, et la vérification d'un numéro de label."/>
        <h1>"Label « Haute Qualité Solidaire »"</h1>
        <p>"Le pôle attribue le label aux structures qui remplissent son " <a href="/label-hqs/profil">"profil du label"</a>
           ", après examen des pièces par deux animateurs. Le label vaut deux ans ; son niveau (bronze, argent, or) suit les critères valorisés remplis."</p>
        <form method="get" action="/label-hqs/verifier" class="panel inline-form" id="verify-form">
            <label for="champ-numero">"Vérifier un numéro de label"</label>
            " "
            <input id="champ-numero" name="numero" placeholder="HQS-2026-0001"/>
            " "
            <button type="submit">"Vérifier"</button>
        </form>
        <section class="panel">
            <h2>"Structures labellisées"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match registry.await {
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="muted" id="no-label">"Aucune structure labellisée pour l'instant."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="data-table" id="registry">
                                <thead>
                                    <tr><th scope="col">"Structure"</th><th scope="col">"Commune"</th><th scope="col">"Numéro"</th><th scope="col">"Niveau"</th><th scope="col">"Valable jusqu'au"</th></tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|l| view! {
                                        <tr>
                                            <td><a href=format!("/structures/{}", l.structure_slug)>{l.structure_name.clone()}</a></td>
                                            <td>{l.commune_name.clone().unwrap_or_default()}</td>
                                            <td><code>{l.number.clone()}</code></td>
                                            <td>{l.level.map_or("—", |v| v.label())}</td>
                                            <td>{french_iso_date(&l.valid_until)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
