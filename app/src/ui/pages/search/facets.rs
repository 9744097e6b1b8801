use leptos::prelude::*;

use super::form_events::submit_on_change;
use crate::domain::search::{Facet, FacetValue};

/// Values shown before « voir les autres »: enough for the common cases, short enough to
/// read at a glance.
const SHOWN: usize = 6;
/// Groups open at first: kind, family and sector; any group with a chosen value is
/// open too.
const OPEN_GROUPS: usize = 3;

/// The values shown at once (the chosen ones, then the most frequent), and the rest.
fn split(values: Vec<FacetValue>) -> (Vec<FacetValue>, Vec<FacetValue>) {
    let (mut shown, mut rest): (Vec<_>, Vec<_>) = values.into_iter().partition(|v| v.selected);
    let room = SHOWN.saturating_sub(shown.len()).min(rest.len());
    let after: Vec<_> = rest.drain(room..).collect();
    shown.extend(rest);
    (shown, after)
}

/// One value: its checkbox and name on the left, its count aligned on the right.
fn option(param: &str, value: FacetValue) -> impl IntoView + use<> {
    let id = format!("facette-{param}-{}", value.value);
    let input_id = id.clone();
    view! {
        <li>
            <label class="facet-option" for=id>
                <input type="checkbox" id=input_id name=param.to_owned() value=value.value checked=value.selected on:change=submit_on_change/>
                <span class="facet-name">{value.label}</span>
                <span class="facet-count">{value.count}<span class="sr-only">" résultats"</span></span>
            </label>
        </li>
    }
}

/// The facet groups of the search form, each a fold (`<details>`, so that it folds without
/// JavaScript); a checkbox inside a closed fold is still sent with the form.
#[component]
pub fn FacetPanel(facets: Vec<Facet>) -> impl IntoView {
    view! {
        <div class="facets" id="facets">
            {facets
                .into_iter()
                .filter(|f| !f.values.is_empty())
                .enumerate()
                .map(|(index, facet)| {
                    let chosen = facet.values.iter().filter(|v| v.selected).count();
                    let param = facet.param;
                    let (shown, rest) = split(facet.values);
                    let more = rest.len();
                    let open = index < OPEN_GROUPS || chosen > 0;
                    view! {
                        <details class="facet" data-facet=param.clone() open=open>
                            <summary>
                                {facet.title}
                                {(chosen > 0).then(|| view! { <span class="facet-chosen">{format!(" · {chosen} choisi{}", if chosen > 1 { "s" } else { "" })}</span> })}
                            </summary>
                            <ul class="facet-values">
                                {shown.into_iter().map(|v| option(&param, v)).collect_view()}
                            </ul>
                            {(more > 0).then(|| view! {
                                <details class="facet-more">
                                    <summary>{format!("Voir {more} autre{}", if more > 1 { "s" } else { "" })}</summary>
                                    <ul class="facet-values">
                                        {rest.into_iter().map(|v| option(&param, v)).collect_view()}
                                    </ul>
                                </details>
                            })}
                        </details>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(name: &str, count: u64, selected: bool) -> FacetValue {
        FacetValue { value: name.into(), label: name.into(), count, selected }
    }

    #[test]
    fn chosen_values_come_first_then_the_most_frequent_up_to_the_limit() {
        let mut values: Vec<_> = (0..10).map(|i| value(&format!("v{i}"), 100 - i, false)).collect();
        values[8].selected = true;
        let (shown, rest) = split(values);
        let names: Vec<&str> = shown.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(names, ["v8", "v0", "v1", "v2", "v3", "v4"]);
        assert_eq!(rest.len(), 4);
        assert!(rest.iter().all(|v| !v.selected));
    }

    #[test]
    fn many_chosen_values_are_all_shown() {
        let values: Vec<_> = (0..9).map(|i| value(&format!("v{i}"), 9 - i, i < 8)).collect();
        let (shown, rest) = split(values);
        assert_eq!(shown.len(), 8);
        assert_eq!(rest.len(), 1);
    }
}
