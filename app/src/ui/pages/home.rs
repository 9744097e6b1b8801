use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Form;

use crate::{
    domain::{directory::communes::communes, search::SearchQuery},
    ui::components::FiguresPanel,
};

/// The trades buyers search most, as one-click searches (the words the catalogue's
/// synonyms reach; see `search::settings`).
const SHORTCUTS: &[(&str, &str)] = &[
    ("Nettoyage de locaux", "nettoyage"),
    ("Espaces verts", "espaces verts"),
    ("Traiteur", "traiteur"),
    ("Blanchisserie", "blanchisserie"),
    ("Déménagement", "déménagement"),
    ("Reprographie", "reprographie"),
    ("Mise sous pli", "mise sous pli"),
    ("Recyclage informatique", "recyclage informatique"),
    ("Menuiserie", "menuiserie"),
    ("Mise à disposition de personnel", "mise à disposition"),
];

/// The home page: a search first, then what Ecossol offers each kind of user, then the
/// figures of the marketplace.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Accueil"/>
        <Meta
            name="description"
            content="Ecossol, la place de marché des achats solidaires de Grenoble-Alpes Métropole."
        />
        <section class="hero">
            <h1>"Acheter solidaire dans l'agglomération grenobloise"</h1>
            <p class="lead">
                "Trouvez parmi les structures d'insertion, du travail protégé et adapté, les "
                "coopératives et les associations de la Métropole celles qui répondent à votre "
                "achat."
            </p>
            <HomeSearch/>
        </section>
        <Audiences/>
        <FiguresPanel/>
    }
}

/// The search box, with the commune to search near and the common trades as shortcuts.
/// A plain GET form: it works without JavaScript and, hydrated, opens the search page
/// without a reload.
#[component]
fn HomeSearch() -> impl IntoView {
    view! {
        <Form method="GET" action="/recherche" attr:id="home-search" attr:class="panel home-search" attr:role="search">
            <div class="field">
                <label for="accueil-q">"Que cherchez-vous ?"</label>
                <input
                    id="accueil-q"
                    name="q"
                    type="search"
                    placeholder="espaces verts, traiteur, nettoyage…"
                    autocomplete="off"
                />
            </div>
            <div class="field">
                <label for="accueil-pres_de">"Près de"</label>
                <select id="accueil-pres_de" name="pres_de">
                    <option value="" selected=true>"— n'importe où —"</option>
                    {communes()
                        .iter()
                        .map(|c| view! { <option value=c.insee>{c.name}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit">"Rechercher"</button>
        </Form>
        <nav class="shortcuts" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title" class="shortcuts-title">"Les achats les plus recherchés"</h2>
            <ul>
                {SHORTCUTS
                    .iter()
                    .map(|(label, query)| {
                        let search = SearchQuery { text: (*query).to_owned(), ..SearchQuery::default() };
                        let href = format!("/recherche?{}", search.query_string());
                        view! { <li><a href=href>{*label}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// What Ecossol offers each of its four kinds of user.
#[component]
fn Audiences() -> impl IntoView {
    view! {
        <section class="audiences" aria-labelledby="audiences-title">
            <h2 id="audiences-title">"Ecossol, pour qui ?"</h2>
            <ul class="audience-list">
                <li>
                    <h3>"Entreprises"</h3>
                    <p>
                        "Trouvez un fournisseur solidaire, déposez un besoin auquel les "
                        "structures répondent, comparez leurs devis et achetez à plusieurs."
                    </p>
                    <p><a href="/recherche">"Chercher un fournisseur"</a>" · "<a href="/besoins/nouveau">"Déposer un besoin"</a>" · "<a href="/guide/deduction-oeth">"Ce que vos achats déduisent de la contribution OETH"</a></p>
                </li>
                <li>
                    <h3>"Acheteurs publics"</h3>
                    <p>
                        "Vérifiez vos exigences « Haute Qualité Solidaire » auprès des "
                        "fournisseurs, réservez un marché ou posez une clause d'insertion, "
                        "et publiez les chiffres de votre SPASER."
                    </p>
                    <p><a href="/guide">"Le guide des marchés solidaires"</a>" · "<a href="/hqs">"Le référentiel HQS"</a>" · "<a href="/label-hqs">"Le registre du label"</a></p>
                </li>
                <li>
                    <h3>"Structures de l'ESS"</h3>
                    <p>
                        "Présentez votre structure et vos offres aux acheteurs de la Métropole, "
                        "recevez les besoins qui vous correspondent et répondez-y."
                    </p>
                    <p><a href="/inscription">"Inscrire ma structure"</a>" · "<a href="/annuaire">"L'annuaire"</a></p>
                </li>
                <li>
                    <h3>"Veille partenariale"</h3>
                    <p>
                        "Suivez ce que la Métropole, les communes et les entreprises achètent "
                        "à l'ESS, avec quelles considérations sociales, et si cela progresse."
                    </p>
                    <p><a href="/veille">"Les indicateurs"</a>" · "<a href="/donnees">"Les données ouvertes"</a></p>
                </li>
            </ul>
        </section>
    }
}
