use leptos::prelude::*;

use super::form_events::submit_on_change;
use crate::domain::search::Facet;

/// The facet groups as checkboxes of the search form: each value with its count.
#[component]
pub fn FacetPanel(facets: Vec<Facet>) -> impl IntoView {
    view! {
        <div class="facets" id="facets">
            {facets
                .into_iter()
                .filter(|f| !f.values.is_empty())
                .map(|facet| {
                    let param = facet.param.clone();
                    view! {
                        <fieldset class="facet" data-facet=facet.param.clone()>
                            <legend>{facet.title.clone()}</legend>
                            {facet.values.into_iter().take(30).map(|v| {
                                let id = format!("facette-{}-{}", param, v.value);
                                view! {
                                    <label class="checkbox" for=id.clone()>
                                        <input type="checkbox" id=id.clone() name=param.clone() value=v.value.clone() checked=v.selected on:change=submit_on_change/>
                                        " " {v.label.clone()} " " <span class="count">"(" {v.count} ")"</span>
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
        </div>
    }
}
