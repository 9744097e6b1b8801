//! `/pole/acheteurs`: the animators' desk of buyers — requests waiting for a decision, and
//! the verified buyers, whose verification may be withdrawn. Every decision needs a reason.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    domain::{
        Code,
        calendar::french_date,
        organisations::{BuyerCategory, BuyerToVerify, Verification},
    },
    error::AppError,
    server_fns::organisations::{DecideBuyerVerification, buyer_verification_desk},
    ui::components::{ErrorView, field_error, refusal, succeeded},
};

#[component]
pub fn BuyerDeskPage() -> impl IntoView {
    let decide = ServerAction::<DecideBuyerVerification>::new();
    let desk = Resource::new(move || decide.version().get(), |_| buyer_verification_desk());
    let answer = Signal::derive(move || decide.value().get());
    let reason_error = field_error(answer, "reason");
    let refused = refusal(answer);
    let done = succeeded(answer, "decision");
    view! {
        <Title text="Acheteurs à vérifier"/>
        <h1>"Acheteurs à vérifier"</h1>
        <p class="muted">
            "Un acheteur vérifié par le pôle ouvre des contrôles HQS et voit les pièces des fournisseurs. "
            "Vérifiez son SIRET et sa catégorie ; chaque décision est motivée et envoyée à ses propriétaires. "
            <a href="/moderation">"Modération de l'annuaire"</a> " · "
            <a href="/label-hqs/dossiers">"Dossiers de label"</a>
        </p>
        <p class="field-error" role="alert" id="champ-reason-erreur">{move || reason_error.get()}</p>
        <p class="error" role="alert">{move || refused.get()}</p>
        <Show when=move || done.get()>
            <p class="success" role="status" id="decision-recorded">"Décision enregistrée."</p>
        </Show>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match desk.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour vérifier les acheteurs. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(AppError::Forbidden) => view! {
                        <ErrorView error=AppError::Forbidden>
                            <p class="panel error" id="buyer-desk-forbidden">"Les acheteurs sont vérifiés par les animateurs du pôle."</p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(buyers) => {
                        let (waiting, verified): (Vec<_>, Vec<_>) =
                            buyers.into_iter().partition(|b| b.state == Verification::Requested);
                        view! {
                            <BuyerList title="Demandes en attente" id="buyers-waiting" empty="Aucune demande en attente." buyers=waiting action=decide/>
                            <BuyerList title="Acheteurs vérifiés" id="buyers-verified" empty="Aucun acheteur vérifié." buyers=verified action=decide/>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn BuyerList(
    title: &'static str,
    id: &'static str,
    empty: &'static str,
    buyers: Vec<BuyerToVerify>,
    action: ServerAction<DecideBuyerVerification>,
) -> impl IntoView {
    view! {
        <section class="panel">
            <h2>{title}</h2>
            {if buyers.is_empty() {
                view! { <p class="muted">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" id=id>
                        {buyers.into_iter().map(|b| view! { <BuyerItem buyer=b action/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn BuyerItem(buyer: BuyerToVerify, action: ServerAction<DecideBuyerVerification>) -> impl IntoView {
    let choices: &[(&str, &str)] = match buyer.state {
        Verification::Requested => &[("verify", "Vérifier"), ("refuse", "Refuser")],
        _ => &[("refuse", "Retirer la vérification")],
    };
    let reason_id = format!("motif-{}", buyer.id);
    let (item_id, form_id) = (buyer.id.clone(), buyer.id.clone());
    let requester =
        if buyer.requester.is_empty() { "—".to_owned() } else { buyer.requester.clone() };
    view! {
        <li data-organisation=item_id>
            <strong>{buyer.name.clone()}</strong>
            " · " {buyer.kind.label()}
            " · SIRET " {buyer.siret.clone().unwrap_or_default()}
            " · " {buyer.category.map(BuyerCategory::label).unwrap_or_default()}
            " · demandé par " {requester}
            {buyer.requested_at.map(|at| format!(" le {}", french_date(at)))}
            <ActionForm action=action attr:class="moderation-form" attr:data-state=buyer.state.code()>
                <input type="hidden" name="organisation_id" value=form_id/>
                <label class="sr-only" for=reason_id.clone()>"Motif"</label>
                <input id=reason_id name="reason" placeholder="Motif (envoyé à l'acheteur)" aria-describedby="champ-reason-erreur"/>
                {choices.iter().map(|(decision, label)| view! {
                    <button type="submit" name="decision" value=*decision class="small" class:secondary={*decision == "refuse"}>{*label}</button>
                    " "
                }).collect_view()}
            </ActionForm>
        </li>
    }
}
