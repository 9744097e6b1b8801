use leptos::prelude::*;

/// A labelled input with its French error message underneath, linked for screen readers.
#[component]
pub fn FormField(
    /// The form field's name, which is also the server function's argument name.
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional, into)] value: Signal<String>,
) -> impl IntoView {
    let id = format!("champ-{name}");
    // Only ids the field has: the hint's when there is one, and the error's.
    let described = match hint {
        Some(_) => format!("{id}-aide {id}-erreur"),
        None => format!("{id}-erreur"),
    };
    let error_id = format!("{id}-erreur");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="field-hint" id=format!("{id}-aide")>{h}</p> })}
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=autocomplete
                prop:value=move || value.get()
                value=move || value.get()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
            />
            <p class="field-error" id=error_id role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}
