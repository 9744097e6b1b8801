use leptos::prelude::*;

use crate::{
    domain::{
        calendar::french_iso_date,
        directory::{KNOWN_CERTIFICATIONS, views::CertificationView},
    },
    server_fns::directory::{AddCertification, RemoveCertification},
    ui::components::{GroupField, GroupSelect, field_error, refusal},
};

/// The validity of a label as a phrase: "valable jusqu'au 31/12/2027".
pub fn validity(label: &CertificationView) -> String {
    match (&label.valid_from, &label.valid_until, label.valid) {
        (_, Some(until), true) => format!("valable jusqu'au {}", french_iso_date(until)),
        (_, Some(until), false) => format!("expiré le {}", french_iso_date(until)),
        (Some(from), None, false) => format!("valable à partir du {}", french_iso_date(from)),
        _ => "sans date de fin".to_owned(),
    }
}

/// The labels and certifications the structure holds; add and remove.
#[component]
pub fn CertificationsPanel(
    add: ServerAction<AddCertification>,
    remove: ServerAction<RemoveCertification>,
    structure_id: String,
    labels: Vec<CertificationView>,
) -> impl IntoView {
    let answer = Signal::derive(move || add.value().get());
    let e = move |field: &'static str| field_error(answer, field);
    let sid = structure_id.clone();
    let choices: Vec<(String, String)> = std::iter::once((String::new(), "— choisir —".to_owned()))
        .chain(KNOWN_CERTIFICATIONS.iter().map(|l| (l.code.to_owned(), l.name.to_owned())))
        .collect();
    view! {
        <section class="panel" id="labels">
            <h2>"Labels et certifications"</h2>
            {if labels.is_empty() {
                view! { <p class="muted">"Aucun label déclaré."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" id="held-labels">
                        {labels.into_iter().map(|l| {
                            let sid = sid.clone();
                            let when = validity(&l);
                            view! {
                                <li>
                                    <strong>{l.name.clone()}</strong>
                                    {l.issuer.clone().map(|i| view! { " · " {i} })}
                                    {l.number.clone().map(|n| view! { " · n° " {n} })}
                                    " · " <span class:muted=l.valid class:error-text=!l.valid>{when}</span>
                                    " "
                                    <ActionForm action=remove attr:class="inline-form">
                                        <input type="hidden" name="structure_id" value=sid/>
                                        <input type="hidden" name="certification_id" value=l.id.clone()/>
                                        <button type="submit" class="small secondary">"Retirer"</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>"Ajouter un label"</h3>
            <ActionForm action=add attr:id="label-form">
                <input type="hidden" name="structure_id" value=structure_id/>
                <GroupSelect group="form" prefix="label-" key="label" label="Label ou certification" options=choices error=e("label") required=true/>
                <GroupField group="form" prefix="label-" key="other_name" label="Nom, pour un autre label" error=e("other_name")/>
                <GroupField group="form" prefix="label-" key="issuer" label="Organisme" error=e("issuer")/>
                <GroupField group="form" prefix="label-" key="number" label="Numéro" error=e("number")/>
                <GroupField group="form" prefix="label-" key="valid_from" label="Valable du" kind="date" error=e("valid_from")/>
                <GroupField group="form" prefix="label-" key="valid_until" label="Valable jusqu'au" kind="date" error=e("valid_until")/>
                <p class="error" role="alert">{refusal(answer)}</p>
                <button type="submit">"Ajouter le label"</button>
            </ActionForm>
        </section>
    }
}
