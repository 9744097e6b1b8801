use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::ui::components::FiguresPanel;

/// The home page: what Ecossol is, and the live figures of the catalogue.
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
                "Ecossol met en relation les acheteurs publics et privés avec les structures "
                "de l'économie sociale et solidaire : insertion, handicap, coopératives, "
                "associations. Trouvez un fournisseur, vérifiez vos exigences "
                "« Haute Qualité Solidaire » et suivez vos achats responsables."
            </p>
        </section>
        <FiguresPanel/>
    }
}
