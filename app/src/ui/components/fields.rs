//! Labelled form controls whose names sit inside a struct argument of a server function
//! (`form[siret]`), each with its French error underneath and linked for screen readers.

use leptos::prelude::*;

use super::flash::page_flash;

/// What a field starts with: the value typed before a plain form post came back with errors
/// (from the page's flash), or the stored one.
pub fn initial_value(stored: &str, key: &str) -> String {
    match page_flash().filter(|f| f.has_values()) {
        Some(flash) => flash.value(key).unwrap_or_default().to_owned(),
        None => stored.to_owned(),
    }
}

/// The field's id, what describes it (its hint when it has one, and its error) and its
/// error's id.
fn ids(prefix: &str, key: &str, hint: Option<&str>) -> (String, String, String) {
    let id = format!("champ-{prefix}{key}");
    let described = match hint {
        Some(_) => format!("{id}-aide {id}-erreur"),
        None => format!("{id}-erreur"),
    };
    (id.clone(), described, format!("{id}-erreur"))
}

/// A one-line input named `{group}[{key}]`.
#[component]
pub fn GroupField(
    group: &'static str,
    key: &'static str,
    /// Distinguishes the ids of two forms on one page (`champ-{prefix}{key}`).
    #[prop(optional)]
    prefix: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let (id, described, error_id) = ids(prefix, key, hint);
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            {hint.map(|h| view! { <p class="field-hint" id=format!("{id}-aide")>{h}</p> })}
            <input
                id=id.clone()
                name=format!("{group}[{key}]")
                type=kind
                value=value
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
            />
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// A multi-line input named `{group}[{key}]`.
#[component]
pub fn GroupTextArea(
    group: &'static str,
    key: &'static str,
    /// Distinguishes the ids of two forms on one page (`champ-{prefix}{key}`).
    #[prop(optional)]
    prefix: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: String,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let (id, described, error_id) = ids(prefix, key, hint);
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            {hint.map(|h| view! { <p class="field-hint" id=format!("{id}-aide")>{h}</p> })}
            <textarea
                id=id.clone()
                name=format!("{group}[{key}]")
                rows="5"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
            >
                {value}
            </textarea>
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// A choice among `options` (value, label), named `{group}[{key}]`.
#[component]
pub fn GroupSelect(
    group: &'static str,
    key: &'static str,
    /// Distinguishes the ids of two forms on one page (`champ-{prefix}{key}`).
    #[prop(optional)]
    prefix: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: String,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let (id, described, error_id) = ids(prefix, key, hint);
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            {hint.map(|h| view! { <p class="field-hint" id=format!("{id}-aide")>{h}</p> })}
            <select
                id=id.clone()
                name=format!("{group}[{key}]")
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
            >
                {options
                    .into_iter()
                    .map(|(code, text)| {
                        let selected = code == value;
                        view! { <option value=code selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}
