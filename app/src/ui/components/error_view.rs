//! A page's failure shown to the person: a sign-in link when they must sign in, the French
//! message otherwise. On the server it also gives the page the failure's HTTP status (the
//! pages' one place for it; server functions called over HTTP get theirs from the server's
//! error layer).

use leptos::prelude::*;

use crate::error::AppError;

/// `children`, when given, replace the default words (a page's own « introuvable »).
#[component]
pub fn ErrorView(error: AppError, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status_code());
    }
    if let Some(children) = children {
        return children().into_any();
    }
    match error {
        AppError::Unauthenticated => view! {
            <p class="panel">"Connectez-vous pour continuer. " <a href="/connexion">"Se connecter"</a></p>
        }
        .into_any(),
        AppError::NotFound => view! {
            <section class="panel">
                <h1>"Page introuvable"</h1>
                <p>{AppError::NotFound.to_string()}</p>
                <p><a href="/">"Retour à l'accueil"</a></p>
            </section>
        }
        .into_any(),
        other => view! { <p class="error">{other.to_string()}</p> }.into_any(),
    }
}
