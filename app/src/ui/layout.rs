use leptos::prelude::*;

use super::components::UserMenu;

/// Header, main area and footer shared by every page.
///
/// `data-hydrated` turns to `true` once the WebAssembly bundle has taken over the page, so
/// that tests (and curious developers) can tell a hydrated page from a server-rendered one.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    view! {
        <div class="page" data-hydrated=move || hydrated.get().to_string()>
            <a class="skip-link" href="#contenu">"Aller au contenu"</a>
            <header class="site-header">
                <a class="brand" href="/">
                    <span class="brand-name">"Ecossol"</span>
                    <span class="brand-tagline">
                        "Pôle d'achats solidaires · Grenoble-Alpes Métropole"
                    </span>
                </a>
                <nav aria-label="Navigation principale">
                    <ul>
                        <li>
                            <a href="/">"Accueil"</a>
                        </li>
                        <li>
                            <a href="/recherche">"Rechercher"</a>
                        </li>
                        <li>
                            <a href="/annuaire">"Annuaire"</a>
                        </li>
                        <li>
                            <a href="/besoins">"Besoins"</a>
                        </li>
                        <li>
                            <a href="/label-hqs">"Label HQS"</a>
                        </li>
                        <li>
                            <a href="/guide">"Guide"</a>
                        </li>
                        <UserMenu/>
                    </ul>
                </nav>
            </header>
            <main id="contenu">{children()}</main>
            <footer class="site-footer">
                <p>
                    "Ecossol relie les acheteurs publics et privés aux structures de "
                    "l'économie sociale et solidaire de l'agglomération grenobloise."
                </p>
                <p>
                    <a href="/healthz">"État du service"</a>
                </p>
                <p>
                    <a href="/donnees">"Données ouvertes"</a>
                </p>
                <p>
                    <a href="/accessibilite">"Accessibilité : non conforme"</a>
                </p>
            </footer>
        </div>
    }
}
