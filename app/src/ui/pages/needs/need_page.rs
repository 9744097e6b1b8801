//! `/besoins/{id}`: a need. Everyone reads a published need; its buyer edits a draft, sees
//! its potential and sends it to the pôle; the animators validate, return or refuse it and
//! see which structures it reaches and why.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    attachments_panel::NeedAttachments,
    comparison_panel::ComparisonPanel,
    group_panel::{GroupActions, GroupPanel},
    need_fields::NeedFields,
    need_parts::{MatchesPanel, NeedDetails, PotentialPanel},
    need_steps::StepsPanel,
    supplier_panel::SupplierPanel,
    thread_panel::BuyerThreads,
};
use crate::{
    domain::needs::{NeedState, views::NeedView},
    error::AppError,
    server_fns::needs::{
        AnswerNeed, AwardLot, ConfirmPurchase, DeclarePurchase, NeedStep, PostNeedMessage,
        ShortlistQuote, SubmitQuote, UpdateNeed, get_need,
    },
    ui::components::{ErrorView, refusal, succeeded, successes},
};

#[component]
pub fn NeedPageView() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let update = ServerAction::<UpdateNeed>::new();
    let step = ServerAction::<NeedStep>::new();
    let actions = Actions {
        interest: ServerAction::<AnswerNeed>::new(),
        quote: ServerAction::<SubmitQuote>::new(),
        shortlist: ServerAction::<ShortlistQuote>::new(),
        award: ServerAction::<AwardLot>::new(),
        purchase: ServerAction::<ConfirmPurchase>::new(),
        declare: ServerAction::<DeclarePurchase>::new(),
        message: ServerAction::<PostNeedMessage>::new(),
    };
    let messages = successes(actions.message);
    let group = GroupActions::new();
    let pooled = (
        successes(group.pool),
        successes(group.invite),
        successes(group.join),
        successes(group.leave),
    );
    let reloads = (successes(update), successes(step));
    let answers = (
        successes(actions.interest),
        successes(actions.quote),
        successes(actions.shortlist),
        successes(actions.award),
        successes(actions.purchase),
        successes(actions.declare),
    );
    let need = Resource::new(
        move || {
            let answered = answers.0.get() + answers.1.get() + answers.2.get() + answers.3.get();
            let followed = answers.4.get() + answers.5.get() + messages.get();
            let grouped = pooled.0.get() + pooled.1.get() + pooled.2.get() + pooled.3.get();
            (id(), reloads.0.get(), reloads.1.get(), answered + followed, grouped)
        },
        |(id, ..)| get_need(id),
    );
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match need.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir ce besoin. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(AppError::NotFound) => view! {
                        <ErrorView error=AppError::NotFound>
                            <p class="panel error" id="need-not-found">"Ce besoin n'existe pas ou n'est pas publié."</p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(need) => view! { <NeedBody need update step actions group/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The answers' and decisions' actions of a need's page.
#[derive(Clone, Copy)]
struct Actions {
    interest: ServerAction<AnswerNeed>,
    quote: ServerAction<SubmitQuote>,
    shortlist: ServerAction<ShortlistQuote>,
    award: ServerAction<AwardLot>,
    purchase: ServerAction<ConfirmPurchase>,
    declare: ServerAction<DeclarePurchase>,
    message: ServerAction<PostNeedMessage>,
}

#[component]
fn NeedBody(
    need: NeedView,
    update: ServerAction<UpdateNeed>,
    step: ServerAction<NeedStep>,
    actions: Actions,
    group: GroupActions,
) -> impl IntoView {
    let answer = Signal::derive(move || update.value().get());
    let saved = succeeded(answer, "enregistre");
    let title = need.summary.title.clone();
    let state = need.summary.state;
    let editor = need.form.clone().map(|form| {
        let id = need.summary.id.clone();
        let profiles = need.profile_choices.clone();
        view! {
            <section class="panel" id="need-editor">
                <h2>"Modifier le besoin"</h2>
                <ActionForm action=update attr:id="need-form" attr:novalidate=true>
                    <input type="hidden" name="need_id" value=id/>
                    <NeedFields form answer profiles/>
                    <p class="error" role="alert">{refusal(answer)}</p>
                    <Show when=move || saved.get()>
                        <p class="success" role="status" id="need-saved">"Brouillon enregistré."</p>
                    </Show>
                    <button type="submit" id="save-need">"Enregistrer"</button>
                </ActionForm>
            </section>
        }
    });
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb"><a href="/besoins">"Besoins"</a></p>
        <h1>{title}</h1>
        <p class="status" id="need-state">
            <strong>{state.label()}</strong>
            {need.summary.closed.then_some(" · date limite passée")}
        </p>
        {need.moderation_message.clone().filter(|_| matches!(state, NeedState::Returned | NeedState::Refused)).map(|m| view! {
            <p class="panel notice" id="need-message">"Message du pôle : " {m}</p>
        })}
        <StepsPanel action=step need=need.clone()/>
        {need.potential.clone().map(|p| view! { <PotentialPanel potential=p/> })}
        <NeedDetails need=need.clone()/>
        <GroupPanel group=need.group.clone() need_id=need.summary.id.clone() lots=need.lots.clone() actions=group
            poolable=need.rights.manages && state.before_consultation()/>
        <NeedAttachments need_id=need.summary.id.clone() files=need.files.clone() adds=need.adds_files anonymous=need.anonymous/>
        {editor}
        {need.supplier.clone().map(|side| view! {
            <SupplierPanel side need_id=need.summary.id.clone() lots=need.lots.clone() questions=need.questions.clone()
                interest=actions.interest quote=actions.quote declare=actions.declare message=actions.message/>
        })}
        {need.comparison.clone().map(|comparison| view! {
            <ComparisonPanel comparison need_id=need.summary.id.clone() lots=need.lots.clone() questions=need.questions.clone()
                decides=need.rights.manages open=state == NeedState::Published
                shortlist=actions.shortlist award=actions.award purchase=actions.purchase/>
        })}
        {need.comparison.clone().map(|c| view! {
            <BuyerThreads need_id=need.summary.id.clone() threads=c.threads writes=need.rights.manages action=actions.message/>
        })}
        {(!need.matches.is_empty() || state == NeedState::Published).then(|| view! { <MatchesPanel matches=need.matches.clone()/> })}
    }
}
