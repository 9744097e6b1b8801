//! The search form's event handlers, once hydrated. Without JavaScript the form is a plain
//! GET form with its « Rechercher » button; these only save the click.

use leptos::{
    ev::Event,
    prelude::*,
    wasm_bindgen::{JsCast, closure::Closure},
};
use web_sys::{
    HtmlButtonElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement, PositionOptions,
    js_sys::Reflect, wasm_bindgen::JsValue,
};

/// The form of the control that raised `event` (an input, a select or a button).
fn form_of(event: &Event) -> Option<HtmlFormElement> {
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        return input.form();
    }
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        return select.form();
    }
    target.dyn_ref::<HtmlButtonElement>().and_then(|b| b.form())
}

/// Sets the value of the form's control called `name` (an input or a select).
fn set_field(form: &HtmlFormElement, name: &str, value: &str) {
    let Some(control) = form.get_with_name(name) else { return };
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    }
}

fn field_value(form: &HtmlFormElement, name: &str) -> String {
    form.get_with_name(name)
        .and_then(|c| c.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// A facet, a checkbox or a choice changed: search again at once.
pub fn submit_on_change(event: Event) {
    if let Some(form) = form_of(&event) {
        form.request_submit().ok();
    }
}

/// Choosing a commune (or « n'importe où ») forgets the browser's position.
pub fn forget_position(event: Event) {
    if let Some(form) = form_of(&event) {
        set_field(&form, "lat", "");
        set_field(&form, "lng", "");
    }
}

/// Latitude and longitude of a `GeolocationPosition` (read by name: web-sys still counts
/// that type among its unstable APIs).
fn coordinates(position: &JsValue) -> Option<(f64, f64)> {
    let coords = Reflect::get(position, &"coords".into()).ok()?;
    let read = |name: &str| Reflect::get(&coords, &name.into()).ok()?.as_f64();
    Some((read("latitude")?, read("longitude")?))
}

/// « Autour de ma position »: asks the browser for it (the person is asked first), then
/// searches within the radius typed, or 10 km, nearest first. `status` tells what happens.
pub fn use_position(event: Event, status: RwSignal<String>) {
    let Some(form) = form_of(&event) else { return };
    let Some(geolocation) = window().navigator().geolocation().ok() else {
        status.set("Votre navigateur ne donne pas sa position : choisissez une commune.".into());
        return;
    };
    status.set("Recherche de votre position…".into());
    let found = Closure::once_into_js(move |position: JsValue| {
        let Some((lat, lng)) = coordinates(&position) else { return };
        set_field(&form, "lat", &format!("{lat:.5}"));
        set_field(&form, "lng", &format!("{lng:.5}"));
        set_field(&form, "pres_de", "");
        if field_value(&form, "rayon").is_empty() {
            set_field(&form, "rayon", "10");
        }
        set_field(&form, "tri", "distance");
        status.set(String::new());
        form.request_submit().ok();
    });
    let failed = Closure::once_into_js(move || {
        status.set(
            "Position indisponible : autorisez la localisation ou choisissez une commune.".into(),
        );
    });
    let options = PositionOptions::new();
    options.set_timeout(10_000);
    options.set_maximum_age(300_000);
    geolocation
        .get_current_position_with_error_callback_and_options(
            found.unchecked_ref(),
            Some(failed.unchecked_ref()),
            &options,
        )
        .ok();
}
