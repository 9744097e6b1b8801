use super::check_opening::CheckOpeningPanel;
use crate::domain::Code;
use crate::ui::pages::LabelBadge;
use leptos::prelude::*;

use crate::error::AppError;

use crate::ui::components::ErrorView;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::moderation::ModerationControls;
use crate::{
    domain::{
        calendar::{french_date, french_iso_date},
        directory::{StructureStatus, views::StructureView},
    },
    server_fns::directory::{StructurePage, StructureStep, get_structure_page},
};

/// `/structures/{slug}`: a structure's public page (a preview for its editors and the pôle).
#[component]
pub fn StructurePageView() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let decide = ServerAction::<StructureStep>::new();
    let page = Resource::new(
        move || (slug(), decide.version().get()),
        |(slug, _)| get_structure_page(slug),
    );
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <StructureDetails page decide/> }.into_any(),
                        Err(AppError::NotFound) => view! {
    <ErrorView error=AppError::NotFound>
                            <Title text="Structure introuvable"/>
                            <h1>"Structure introuvable"</h1>
                            <p class="panel" id="structure-not-found">
                                "Cette structure n'existe pas ou n'est pas publiée. "
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

fn summary(structure: &StructureView) -> String {
    let kinds: Vec<&str> = structure.kinds.iter().map(|k| k.label()).collect();
    let place = structure.commune_name.clone().unwrap_or_default();
    let text: String =
        structure.description.clone().unwrap_or_default().chars().take(150).collect();
    format!("{} — {} à {place}. {text}", structure.name, kinds.join(", "))
}

#[component]
fn StructureDetails(page: StructurePage, decide: ServerAction<StructureStep>) -> impl IntoView {
    let s = page.structure.clone();
    let preview = s.status != StructureStatus::Published;
    view! {
        <Title text=s.name.clone()/>
        <Meta name="description" content=summary(&s)/>
        <Meta property="og:title" content=s.name.clone()/>
        <Meta property="og:type" content="profile"/>
        {preview.then(|| view! {
            <p class="notice" id="preview-banner">
                "Aperçu : cette fiche n'est pas publique (" {s.status.label()} ")."
            </p>
        })}
        <article class="structure" id="structure">
            {s.logo.clone().map(|id| view! {
                <img class="logo" id="structure-logo" src=format!("/documents/{id}") alt=format!("Logo de {}", s.name)/>
            })}
            <h1 id="structure-name">{s.name.clone()}</h1>
            {s.brand.clone().map(|b| view! { <p class="muted">{b}</p> })}
            <p class="badges">
                {s.kinds.iter().map(|k| view! { <span class="badge" title=k.label()>{k.code()}</span> }).collect_view()}
                {s.esus_agreed_on.is_some().then(|| view! { <span class="badge badge-esus">"Agrément ESUS"</span> })}
                <LabelBadge structure_slug=s.slug.clone()/>
            </p>
            {page.can_edit.then(|| view! {
                <p><a class="button" href=format!("/espace/structures/{}", s.id) id="edit-structure">"Modifier la fiche"</a></p>
            })}
            {s.description.clone().map(|d| view! { <section class="description">{paragraphs(&d)}</section> })}
            <div class="columns">
                <section class="panel">
                    <h2>"Coordonnées"</h2>
                    <dl class="facts">
                        {s.address.clone().map(|a| view! { <dt>"Adresse"</dt><dd>{a}</dd> })}
                        {s.commune_name.clone().map(|c| view! {
                            <dt>"Commune"</dt>
                            <dd id="structure-commune">{s.postcode.clone().unwrap_or_default()} " " {c}</dd>
                        })}
                        {s.contact_name.clone().map(|c| view! { <dt>"Contact"</dt><dd>{c}</dd> })}
                        {s.contact_email.clone().map(|e| view! { <dt>"E-mail"</dt><dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd> })}
                        {s.contact_phone.clone().map(|p| view! { <dt>"Téléphone"</dt><dd>{p}</dd> })}
                        {s.website.clone().map(|w| view! { <dt>"Site web"</dt><dd><a href=w.clone() rel="nofollow noopener">{w.clone()}</a></dd> })}
                    </dl>
                </section>
                <section class="panel">
                    <h2>"Identité"</h2>
                    <dl class="facts">
                        {s.siret.clone().map(|v| view! { <dt>"SIRET"</dt><dd id="structure-siret">{v}</dd> })}
                        {s.legal_form.clone().map(|v| view! { <dt>"Forme juridique"</dt><dd>{v}</dd> })}
                        {s.naf.clone().map(|v| view! { <dt>"Code NAF"</dt><dd>{v}</dd> })}
                        {s.rna.clone().map(|v| view! { <dt>"RNA"</dt><dd>{v}</dd> })}
                        {s.year_founded.map(|v| view! { <dt>"Création"</dt><dd>{v}</dd> })}
                        {s.esus_agreed_on.clone().map(|v| view! { <dt>"Agrément ESUS"</dt><dd>"depuis le " {french_iso_date(&v)}</dd> })}
                        {s.networks.clone().map(|v| view! { <dt>"Réseaux"</dt><dd>{v}</dd> })}
                        <dt>"Type"</dt>
                        <dd>{s.kinds.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ")}</dd>
                    </dl>
                </section>
            </div>
            <SocialFactsPanel structure=s.clone()/>
            <section class="panel" id="activites">
                <h2>"Activités"</h2>
                {if s.activities.is_empty() {
                    view! { <p class="muted">"Aucune activité déclarée."</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {s.activities.iter().map(|a| view! {
                                <li>
                                    <strong>{a.sector.clone()}</strong> " · " {a.service_kind.clone()}
                                    " · " <span class="muted">{a.reach.clone()}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            {(!s.labels.is_empty()).then(|| view! {
                <section class="panel" id="labels">
                    <h2>"Labels et certifications"</h2>
                    <ul class="plain-list" id="structure-labels">
                        {s.labels.iter().map(|l| view! {
                            <li>
                                <strong>{l.name.clone()}</strong>
                                {l.issuer.clone().map(|i| view! { " · " {i} })}
                                {l.number.clone().map(|n| view! { " · n° " {n} })}
                                " · " <span class="muted">{super::certifications_panel::validity(l)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="panel" id="offres">
                <h2>"Offres"</h2>
                {if s.offers.is_empty() {
                    view! { <p class="muted">"Aucune offre publiée."</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list" id="structure-offers">
                            {s.offers.iter().map(|o| view! {
                                <li>
                                    <a href=format!("/offres/{}", o.slug)>{o.title.clone()}</a>
                                    " · " <span class="muted">{o.sector.clone()}</span>
                                    {o.price.clone().map(|p| view! { " · " <span>{p}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        </article>
        {page.can_moderate.then(|| view! {
            <ModerationControls
                action=decide structure_id=s.id.clone() status=s.status back=format!("/structures/{}", s.slug)/>
        })}
        {(!preview).then(|| view! { <CheckOpeningPanel structure_id=s.id.clone() slug=s.slug.clone()/> })}
    }
}

#[component]
fn SocialFactsPanel(structure: StructureView) -> impl IntoView {
    let s = structure;
    let any = s.permanent_staff.is_some()
        || s.insertion_staff.is_some()
        || s.disabled_share.is_some()
        || s.detainee_share.is_some()
        || s.insertion_hours_capacity.is_some()
        || s.turnover_band.is_some()
        || s.client_references.is_some();
    any.then(|| {
        let band = s.turnover_band.as_deref().and_then(|b| {
            crate::domain::directory::profile::TURNOVER_BANDS.iter().find(|(c, _)| *c == b).map(|(_, l)| *l)
        });
        view! {
            <section class="panel" id="social-facts">
                <h2>"Capacité et engagement social"</h2>
                <dl class="facts">
                    {s.permanent_staff.map(|v| view! { <dt>"Salariés permanents"</dt><dd>{v}</dd> })}
                    {s.insertion_staff.map(|v| view! { <dt>"Salariés en insertion"</dt><dd>{v}</dd> })}
                    {s.disabled_share.map(|v| view! { <dt>"Travailleurs handicapés"</dt><dd>{format!("{v} %")}</dd> })}
                    {s.detainee_share.map(|v| view! { <dt>"Travailleurs détenus"</dt><dd>{format!("{v} %")}</dd> })}
                    {s.insertion_hours_capacity.map(|h| view! { <dt>"Heures d'insertion réalisables par an"</dt><dd>{format!("{h} h")}</dd> })}
                    {band.map(|v| view! { <dt>"Chiffre d'affaires"</dt><dd>{v}</dd> })}
                    {s.client_references.clone().map(|v| view! { <dt>"Références"</dt><dd>{v}</dd> })}
                </dl>
                {s.facts_updated_at.map(|at| view! { <p class="muted">"Mis à jour le " {french_date(at)}</p> })}
            </section>
        }
    })
}

/// Text split into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p}</p> })
        .collect_view()
}
