//! `/label-hqs/verifier?numero=…`: anyone checks a label number (a buyer reading a tender,
//! say).

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::{
        calendar::french_iso_date,
        label::{LabelState, views::Verification},
    },
    server_fns::label::get_label_verification,
};

#[component]
pub fn LabelVerifyPage() -> impl IntoView {
    let query = use_query_map();
    let number = move || query.read().get("numero").unwrap_or_default();
    let found = Resource::new(number, get_label_verification);
    view! {
        <Title text="Vérifier un label HQS"/>
        <h1>"Vérifier un label « Haute Qualité Solidaire »"</h1>
        <form method="get" action="/label-hqs/verifier" class="panel inline-form" id="verify-form">
            <label for="champ-numero">"Numéro"</label>
            " "
            <input id="champ-numero" name="numero" placeholder="HQS-2026-0001" value=number/>
            " "
            <button type="submit">"Vérifier"</button>
        </form>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                let typed = number();
                if typed.trim().is_empty() {
                    return ().into_any();
                }
                match found.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(Verification::Unknown) => view! {
                        <p class="panel error" id="verification">"Aucun label ne porte le numéro « " {typed} " ». Vérifiez la saisie (format HQS-AAAA-NNNN)."</p>
                    }.into_any(),
                    Ok(Verification::Found { state, label }) => {
                        let valid = state == LabelState::Granted;
                        view! {
                            <section class="panel" id="verification" class:success=valid class:error=!valid>
                                <h2>{if valid { "Label valide" } else { "Label non valide" }}</h2>
                                <p>
                                    "Le label n° " <code>{label.number.clone()}</code> " de "
                                    <a href=format!("/structures/{}", label.structure_slug)>{label.structure_name.clone()}</a>
                                    " est : " <strong id="verification-state">{state.label()}</strong> "."
                                </p>
                                {label.level.map(|l| view! { <p>"Niveau : " {l.label()}</p> })}
                                {(!label.valid_until.is_empty()).then(|| view! { <p>"Fin de validité : " {french_iso_date(&label.valid_until)}</p> })}
                            </section>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
