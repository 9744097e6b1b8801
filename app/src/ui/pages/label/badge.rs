//! The badge of a structure holding the label: level and number, linking to its
//! verification.

use leptos::prelude::*;

use crate::{domain::calendar::french_iso_date, server_fns::label::get_label_badge};

#[component]
pub fn LabelBadge(structure_slug: String) -> impl IntoView {
    let badge = Resource::new(move || structure_slug.clone(), get_label_badge);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(Some((number, level, until))) = badge.await else { return ().into_any() };
                let text = match level {
                    Some(level) => format!("Label HQS · niveau {}", level.label()),
                    None => "Label HQS".to_owned(),
                };
                let title = format!("Label Haute Qualité Solidaire n° {number}, valable jusqu'au {}", french_iso_date(&until));
                view! {
                    <a class="badge badge-hqs" id="hqs-badge" title=title href=format!("/label-hqs/verifier?numero={number}")>{text}</a>
                }.into_any()
            })}
        </Suspense>
    }
}
