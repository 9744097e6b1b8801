use leptos::prelude::*;

use crate::error::AppError;

use crate::ui::components::ErrorView;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::structure_page::paragraphs;
use crate::ui::pages::LabelBadge;
use crate::{
    domain::directory::OfferStatus,
    server_fns::directory::{FlagOffer, OfferPage, get_offer_page},
    ui::components::{field_error, refusal, succeeded},
};

/// `/offres/{slug}`: an offer's public page.
#[component]
pub fn OfferPageView() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let page = Resource::new(slug, get_offer_page);
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <OfferDetails page/> }.into_any(),
                        Err(AppError::NotFound) => view! {
    <ErrorView error=AppError::NotFound>
                            <Title text="Offre introuvable"/>
                            <h1>"Offre introuvable"</h1>
                            <p class="panel" id="offer-not-found">
                                "Cette offre n'existe pas ou n'est pas publiée. "
                                <a href="/annuaire">"Voir l'annuaire"</a>
                            </p>
                        </ErrorView>
    }
                            .into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })}
            </Suspense>
        }
}

#[component]
fn OfferDetails(page: OfferPage) -> impl IntoView {
    let o = page.offer.clone();
    let description: String = o.description.chars().take(160).collect();
    let quantities = match (o.min_quantity, o.max_quantity) {
        (Some(min), Some(max)) => Some(format!("de {min} à {max}")),
        (Some(min), None) => Some(format!("à partir de {min}")),
        (None, Some(max)) => Some(format!("jusqu'à {max}")),
        (None, None) => None,
    };
    view! {
        <Title text=o.title.clone()/>
        <Meta name="description" content=description/>
        <Meta property="og:title" content=o.title.clone()/>
        {(o.status != OfferStatus::Published).then(|| view! {
            <p class="notice" id="preview-banner">"Aperçu : cette offre n'est pas publique (" {o.status.label()} ")."</p>
        })}
        <article class="offer" id="offer">
            <p class="muted">{o.sector_group.clone()} " · " {o.sector.clone()}</p>
            <h1 id="offer-title">{o.title.clone()}</h1>
            <p>
                "Proposée par "
                <a href=format!("/structures/{}", o.structure_slug) id="offer-structure">{o.structure_name.clone()}</a>
                {o.commune_name.clone().map(|c| view! { " · " {c} })}
                " " <LabelBadge structure_slug=o.structure_slug.clone()/>
            </p>
            {page.can_edit.then(|| view! {
                <p><a class="button" href=format!("/espace/offres/{}", o.id)>"Modifier l'offre"</a></p>
            })}
            {(!o.photos.is_empty()).then(|| view! {
                <div class="photos" id="offer-photos">
                    {o.photos.iter().map(|id| view! {
                        <img src=format!("/documents/{id}") alt=format!("Photo : {}", o.title) loading="lazy"/>
                    }).collect_view()}
                </div>
            })}
            <section class="description">{paragraphs(&o.description)}</section>
            <section class="panel">
                <dl class="facts">
                    <dt>"Type de prestation"</dt><dd>{o.service_kind.clone()}</dd>
                    {o.price.clone().map(|p| view! {
                        <dt>"Prix indicatif"</dt>
                        <dd id="offer-price">{p}{o.unit.clone().map(|u| format!(" / {u}"))}</dd>
                    })}
                    {quantities.map(|q| view! { <dt>"Quantités"</dt><dd>{q}</dd> })}
                    {o.lead_time.clone().map(|l| view! { <dt>"Délai"</dt><dd>{l}</dd> })}
                    <dt>"Zone d'intervention"</dt><dd>{o.reach.clone()}</dd>
                    <dt>"Codes CPV"</dt><dd>{o.cpv.join(", ")}</dd>
                </dl>
            </section>
        </article>
        {(page.signed_in && o.status == OfferStatus::Published).then(|| view! {
            <FlagForm offer_id=o.id.clone() back=format!("/offres/{}", o.slug)/>
        })}
    }
}

/// Reports the offer to the pôle.
#[component]
fn FlagForm(offer_id: String, back: String) -> impl IntoView {
    let action = ServerAction::<FlagOffer>::new();
    let answer = Signal::derive(move || action.value().get());
    let done = succeeded(answer, "signalement");
    let reason_error = field_error(answer, "reason");
    view! {
        <details class="panel flag">
            <summary>"Signaler cette offre au pôle"</summary>
            <ActionForm action=action attr:id="flag-form">
                <input type="hidden" name="offer_id" value=offer_id/>
                <input type="hidden" name="back" value=back/>
                <div class="field">
                    <label for="champ-reason">"Ce qui ne va pas"</label>
                    <textarea id="champ-reason" name="reason" rows="3"></textarea>
                    <p class="field-error" role="alert">{move || reason_error.get()}</p>
                </div>
                <p class="error" role="alert">{refusal(answer)}</p>
                <button type="submit" class="small">"Envoyer le signalement"</button>
            </ActionForm>
            <Show when=move || done.get()>
                <p class="success" role="status" id="flag-sent">"Merci : le pôle examinera votre signalement."</p>
            </Show>
        </details>
    }
}
