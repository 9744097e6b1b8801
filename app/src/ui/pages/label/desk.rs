//! `/label-hqs/dossiers`: the animators' desk — files waiting for them, labels held.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;

use crate::{
    domain::{calendar::french_date, label::views::LabelSummary},
    error::AppError,
    server_fns::label::{get_audit_anchor, get_label_desk},
};

#[component]
pub fn LabelDeskPage() -> impl IntoView {
    let desk = Resource::new(|| (), |_| get_label_desk());
    view! {
            <Title text="Dossiers de label HQS"/>
            <h1>"Dossiers de label « Haute Qualité Solidaire »"</h1>
            <p class="muted">
                "Autres bureaux du pôle : " <a href="/moderation">"modération de l'annuaire"</a>
                " · " <a href="/pole/acheteurs">"acheteurs à vérifier"</a>
            </p>
            <AuditAnchorLine/>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match desk.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir les dossiers. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(AppError::Forbidden) => view! {
    <ErrorView error=AppError::Forbidden>
                            <p class="panel error">"Les dossiers de label sont examinés par les animateurs du pôle."</p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="panel muted" id="no-file">"Aucun dossier."</p> }.into_any(),
                        Ok(list) => view! { <FileList files=list/> }.into_any(),
                    }
                })}
            </Suspense>
        }
}

/// Files as links, with their state.
#[component]
pub fn FileList(files: Vec<LabelSummary>) -> impl IntoView {
    view! {
        <ul class="plain-list panel" id="label-files">
            {files.into_iter().map(|f| view! {
                <li>
                    <a href=format!("/label-hqs/dossiers/{}", f.id)>{f.structure_name.clone()}</a>
                    " · " <strong>{f.state.label()}</strong>
                    {f.number.clone().map(|n| format!(" · n° {n}"))}
                    {f.level.map(|l| format!(" · niveau {}", l.label()))}
                    " · mis à jour le " {french_date(f.updated_at)}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The audit log's last checkpoint: the day its head was signed outside the database, and
/// that head, to compare with `server audit verify`.
#[component]
fn AuditAnchorLine() -> impl IntoView {
    let anchor = Resource::new(|| (), |_| get_audit_anchor());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match anchor.await {
                    Ok(Some(a)) => view! {
                        <p class="muted" id="audit-anchor">
                            "Journal d'audit : dernier point d'ancrage le " {a.day.clone()}
                            ", entrée " {a.seq} ", empreinte " <code>{a.hash.clone()}</code>
                            {(!a.signature_holds).then_some(" — signature invalide pour la clé de ce serveur")}
                        </p>
                    }.into_any(),
                    Ok(None) => view! {
                        <p class="muted" id="audit-anchor">"Journal d'audit : aucun point d'ancrage pour l'instant."</p>
                    }.into_any(),
                    Err(_) => ().into_any(),
                }
            })}
        </Suspense>
    }
}
