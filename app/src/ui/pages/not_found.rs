use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any address that matches no route, with HTTP status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page introuvable"/>
        <section class="not-found">
            <h1>"Page introuvable"</h1>
            <p>"L'adresse demandée ne correspond à aucune page d'Ecossol."</p>
            <p>
                <a href="/">"Revenir à l'accueil"</a>
            </p>
        </section>
    }
}
