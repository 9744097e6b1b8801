//! A calculator's field: its value is the address's (so that the page computes without
//! JavaScript from a plain `GET`), and once hydrated each keystroke updates the result.

use leptos::prelude::*;

use crate::domain::FieldErrors;

#[component]
pub fn CalculatorField(
    /// The parameter's name in the address.
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// A `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let id = format!("champ-{name}");
    let (hint_id, error_id) = (format!("{id}-aide"), format!("{id}-erreur"));
    let described = format!("{hint_id} {error_id}");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <p class="field-hint" id=hint_id>{hint}</p>
            <input
                id=id
                name=name
                inputmode="decimal"
                autocomplete="off"
                required=true
                list=list
                prop:value=move || value.get()
                value=value.get_untracked()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
            />
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// The result of the values as they are typed: `parse` reads the (field, value) pairs.
pub fn computed<const N: usize, T>(
    fields: [&'static str; N],
    values: [RwSignal<String>; N],
    parse: impl Fn(&[(&str, &str)]) -> Result<T, FieldErrors> + Send + Sync + 'static,
) -> Memo<Result<T, FieldErrors>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        let typed = values.map(|v| v.get());
        let pairs: Vec<(&str, &str)> =
            fields.iter().zip(typed.iter()).map(|(k, v)| (*k, v.as_str())).collect();
        parse(&pairs)
    })
}

/// The message of `field` in the result's errors.
pub fn error_of<T>(
    result: Memo<Result<T, FieldErrors>>,
    field: &'static str,
) -> Signal<Option<String>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Signal::derive(move || {
        result.with(|r| r.as_ref().err().and_then(|e| e.get(field)).map(str::to_owned))
    })
}

/// The address's value of `name`, or `default` when the address has none.
pub fn initial(name: &str, default: &str) -> RwSignal<String> {
    let query = leptos_router::hooks::use_query_map();
    RwSignal::new(query.read_untracked().get(name).unwrap_or_else(|| default.to_owned()))
}
