use leptos::prelude::*;

use crate::ui::components::{field_error, refusal};
use crate::{server_fns::organisations::CreateOrganisation, ui::components::FormField};

/// Creates an organisation; its creator becomes its owner.
#[component]
pub fn CreateOrganisationForm() -> impl IntoView {
    let action = ServerAction::<CreateOrganisation>::new();
    let answer = Signal::derive(move || action.value().get());
    let kind_error = field_error(answer, "kind");
    view! {
        <section class="panel">
            <h2>"Créer une organisation"</h2>
            <ActionForm action=action attr:id="create-organisation-form">
                <FormField name="name" label="Nom de l'organisation" autocomplete="organization" error=field_error(answer, "name")/>
                <div class="field" class:field-invalid=move || kind_error.get().is_some()>
                    <label for="champ-kind">"Type d'organisation"</label>
                    <select id="champ-kind" name="kind">
                        <option value="">"— choisir —"</option>
                        <option value="supplier">"Structure de l'ESS (fournisseur)"</option>
                        <option value="buyer_public">"Acheteur public"</option>
                        <option value="buyer_private">"Acheteur privé"</option>
                    </select>
                    <p class="field-error" id="champ-kind-erreur" role="alert">{move || kind_error.get()}</p>
                </div>
                <FormField
                    name="buyer_detail"
                    label="Précision pour un acheteur (facultatif)"
                    hint="Collectivité, établissement public, État, grand groupe, ETI, PME, TPE, association…"
                    error=field_error(answer, "buyer_detail")
                />
                <p class="error" role="alert">{refusal(answer)}</p>
                <button type="submit">"Créer l'organisation"</button>
            </ActionForm>
        </section>
    }
}
