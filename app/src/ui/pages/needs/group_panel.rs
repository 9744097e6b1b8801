//! A need's group purchase: its buyers and what they pooled; the lead pools its need and
//! invites; another buyer joins with its share, changes it, or leaves.

use leptos::prelude::*;

use crate::{
    domain::{
        calendar::{Day, french_iso_date},
        needs::{
            budget::euros,
            group::{GroupView, MemberState, OwnShare, quantity_text},
            lots::Lot,
        },
    },
    server_fns::needs::{InviteToPool, JoinPool, LeavePool, PoolNeed},
    ui::components::{field_error, initial_value, refusal, succeeded},
};

/// The actions of a group purchase, made by the page so their answers outlive a reload.
#[derive(Clone, Copy)]
pub struct GroupActions {
    pub pool: ServerAction<PoolNeed>,
    pub invite: ServerAction<InviteToPool>,
    pub join: ServerAction<JoinPool>,
    pub leave: ServerAction<LeavePool>,
}

impl GroupActions {
    pub fn new() -> Self {
        Self {
            pool: ServerAction::new(),
            invite: ServerAction::new(),
            join: ServerAction::new(),
            leave: ServerAction::new(),
        }
    }
}

/// The group purchase, or — for the lead of a need not yet published — the form to make one.
#[component]
pub fn GroupPanel(
    group: Option<GroupView>,
    need_id: String,
    lots: Vec<Lot>,
    /// The reader writes the need and the consultation has not started.
    poolable: bool,
    actions: GroupActions,
) -> impl IntoView {
    let Some(group) = group else {
        return poolable
            .then(|| {
                view! {
                    <section class="panel" id="need-group">
                        <h2>"Acheter à plusieurs"</h2>
                        <p>"Faites de ce besoin un achat groupé : d'autres acheteurs vérifiés s'y joignent avec leurs quantités, la consultation est menée une fois pour l'ensemble et chacun reçoit son propre achat."</p>
                        <PoolForm need_id action=actions.pool join_until=String::new() open_to_all=false/>
                    </section>
                }
            })
            .into_any();
    };
    let own = group.own.clone();
    let joining = group.joining;
    let lead_forms = (group.leads && joining).then(|| {
        let id = need_id.clone();
        view! {
            <InviteForm need_id=id.clone() action=actions.invite/>
            <details>
                <summary>"Changer le jour limite ou l'ouverture"</summary>
                <PoolForm need_id=id action=actions.pool join_until=group.join_until.clone() open_to_all=group.open_to_all/>
            </details>
        }
    });
    let own_forms = own.filter(|_| joining).map(|own| {
        view! { <ShareForms own need_id=need_id.clone() lots=lots.clone() actions/> }
    });
    view! {
        <section class="panel" id="need-group">
            <h2>"Achat groupé"</h2>
            <p id="group-joining">
                {if joining {
                    format!("Adhésions ouvertes jusqu'au {}", french_iso_date(&group.join_until))
                } else {
                    "Adhésions closes : la consultation est menée pour l'ensemble des membres.".to_owned()
                }}
                {group.open_to_all.then_some(" · ouvert à tout acheteur vérifié")}
            </p>
            <GroupTable group=group.clone() lots=lots.clone()/>
            {(!group.unlocks.is_empty()).then(|| view! {
                <h3>"Ce que la mise en commun permet"</h3>
                <ul id="group-unlocks">{group.unlocks.iter().map(|u| view! { <li>{u.clone()}</li> }).collect_view()}</ul>
            })}
            {lead_forms}
            {own_forms}
        </section>
    }
    .into_any()
}

#[component]
fn GroupTable(group: GroupView, lots: Vec<Lot>) -> impl IntoView {
    let cell = |cents: Option<i64>| cents.map(euros).unwrap_or_else(|| "—".to_owned());
    view! {
        <table class="table" id="group-members">
            <thead>
                <tr>
                    <th scope="col">"Acheteur"</th>
                    <th scope="col">"État"</th>
                    {lots.iter().map(|l| view! { <th scope="col">{format!("Lot {} ({})", l.number, l.unit)}</th> }).collect_view()}
                    <th scope="col">"Sites"</th>
                    <th scope="col">"Budget HT"</th>
                </tr>
            </thead>
            <tbody>
                {group.members.iter().map(|m| view! {
                    <tr>
                        <th scope="row">{m.name.clone()}</th>
                        <td>{if m.lead { "Acheteur principal" } else { m.state.label() }}</td>
                        {m.quantities.iter().map(|q| view! { <td>{quantity_text(*q)}</td> }).collect_view()}
                        <td>{m.sites.clone()}</td>
                        <td>{cell(m.budget_share_cents)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
            <tfoot>
                <tr id="group-totals">
                    <th scope="row">"Ensemble"</th>
                    <td></td>
                    {group.totals.iter().map(|q| view! { <td>{quantity_text(*q)}</td> }).collect_view()}
                    <td></td>
                    <td>{cell(group.pooled_budget_cents)}</td>
                </tr>
            </tfoot>
        </table>
    }
}

#[component]
fn PoolForm(
    need_id: String,
    action: ServerAction<PoolNeed>,
    join_until: String,
    open_to_all: bool,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let error = field_error(answer, "join_until");
    let done = succeeded(answer, "groupe");
    let open = initial_value(if open_to_all { "on" } else { "" }, "open_to_all") == "on";
    let shown = Day::parse(&join_until).map(Day::french).unwrap_or_default();
    view! {
        <ActionForm action attr:id="pool-form" attr:novalidate=true>
            <input type="hidden" name="need_id" value=need_id/>
            <div class="field" class:field-invalid=move || error.get().is_some()>
                <label for="champ-join_until">"Les autres acheteurs se joignent jusqu'au (JJ/MM/AAAA) *"</label>
                <input id="champ-join_until" name="form[join_until]" type="text" value=initial_value(&shown, "join_until") aria-describedby="champ-join_until-erreur"/>
                <p class="field-error" id="champ-join_until-erreur" role="alert">{move || error.get()}</p>
            </div>
            <div class="field checkbox">
                <input id="champ-open_to_all" name="form[open_to_all]" type="checkbox" value="on" checked=open/>
                <label for="champ-open_to_all">"Tout acheteur vérifié peut se joindre (sinon, seuls ceux que vous invitez)"</label>
            </div>
            <p class="error" role="alert">{refusal(answer)}</p>
            <Show when=move || done.get()>
                <p class="success" role="status">"Achat groupé enregistré."</p>
            </Show>
            <button type="submit" id="pool-need">"Ouvrir l'achat groupé"</button>
        </ActionForm>
    }
}

#[component]
fn InviteForm(need_id: String, action: ServerAction<InviteToPool>) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let error = field_error(answer, "siret");
    let done = succeeded(answer, "groupe");
    view! {
        <ActionForm action attr:id="invite-form" attr:novalidate=true>
            <input type="hidden" name="need_id" value=need_id/>
            <div class="field" class:field-invalid=move || error.get().is_some()>
                <label for="champ-siret">"Inviter un acheteur vérifié : son SIRET"</label>
                <input id="champ-siret" name="form[siret]" type="text" inputmode="numeric" value=initial_value("", "siret") aria-describedby="champ-siret-erreur"/>
                <p class="field-error" id="champ-siret-erreur" role="alert">{move || error.get()}</p>
            </div>
            <p class="error" role="alert">{refusal(answer)}</p>
            <Show when=move || done.get()>
                <p class="success" role="status" id="invite-sent">"Invitation envoyée."</p>
            </Show>
            <button type="submit" id="invite-buyer">"Inviter"</button>
        </ActionForm>
    }
}

#[component]
fn ShareForms(
    own: OwnShare,
    need_id: String,
    lots: Vec<Lot>,
    actions: GroupActions,
) -> impl IntoView {
    let answer = Signal::derive(move || actions.join.value().get());
    let left = Signal::derive(move || actions.leave.value().get());
    let joined = succeeded(answer, "groupe");
    let quantities_error = field_error(answer, "quantities");
    let sites_error = field_error(answer, "sites");
    let budget_error = field_error(answer, "budget_share");
    let member = own.state == Some(MemberState::Joined);
    let title = match own.state {
        Some(MemberState::Joined) => format!("La part de {}", own.name),
        Some(MemberState::Invited) => format!("{} est invité : indiquez sa part", own.name),
        _ => format!("Rejoindre cet achat groupé pour {}", own.name),
    };
    let leave = matches!(own.state, Some(MemberState::Invited | MemberState::Joined)).then(|| {
        let (id, organisation) = (need_id.clone(), own.organisation_id.clone());
        view! {
            <ActionForm action=actions.leave attr:id="leave-pool">
                <input type="hidden" name="need_id" value=id/>
                <input type="hidden" name="organisation_id" value=organisation/>
                <button type="submit" class="secondary">{if member { "Quitter l'achat groupé" } else { "Décliner l'invitation" }}</button>
            </ActionForm>
            <p class="error" role="alert">{refusal(left)}</p>
        }
    });
    view! {
        <h3>{title}</h3>
        <ActionForm action=actions.join attr:id="join-form" attr:novalidate=true>
            <input type="hidden" name="need_id" value=need_id.clone()/>
            <input type="hidden" name="organisation_id" value=own.organisation_id.clone()/>
            <fieldset class:field-invalid=move || quantities_error.get().is_some()>
                <legend>"Vos quantités par lot"</legend>
                {lots.iter().enumerate().map(|(i, lot)| {
                    let key = format!("quantity_{}", i + 1);
                    let error = field_error(answer, key.clone());
                    let value = initial_value(own.form.quantity.get(i).map(String::as_str).unwrap_or_default(), &key);
                    let field_id = format!("champ-{key}");
                    view! {
                        <div class="field" class:field-invalid=move || error.get().is_some()>
                            <label for=field_id.clone()>{format!("Lot {} — {} ({})", lot.number, lot.title, lot.unit)}</label>
                            <input id=field_id.clone() name="form[quantity][]" type="text" inputmode="decimal" value=value aria-describedby=format!("{field_id}-erreur")/>
                            <p class="field-error" id=format!("{field_id}-erreur") role="alert">{move || error.get()}</p>
                        </div>
                    }
                }).collect_view()}
                <p class="field-error" id="champ-quantities-erreur" role="alert">{move || quantities_error.get()}</p>
            </fieldset>
            <div class="field" class:field-invalid=move || sites_error.get().is_some()>
                <label for="champ-sites">"Vos sites de livraison ou d'exécution *"</label>
                <textarea id="champ-sites" name="form[sites]" rows="2" aria-describedby="champ-sites-erreur">{initial_value(&own.form.sites, "sites")}</textarea>
                <p class="field-error" id="champ-sites-erreur" role="alert">{move || sites_error.get()}</p>
            </div>
            <div class="field" class:field-invalid=move || budget_error.get().is_some()>
                <label for="champ-budget_share">"Votre part du budget HT (€)"</label>
                <input id="champ-budget_share" name="form[budget_share]" type="text" inputmode="decimal" value=initial_value(&own.form.budget_share, "budget_share") aria-describedby="champ-budget_share-erreur"/>
                <p class="field-error" id="champ-budget_share-erreur" role="alert">{move || budget_error.get()}</p>
            </div>
            <p class="error" role="alert">{refusal(answer)}</p>
            <Show when=move || joined.get()>
                <p class="success" role="status" id="pool-joined">"Votre part est enregistrée."</p>
            </Show>
            <button type="submit" id="join-pool">{if member { "Modifier ma part" } else { "Rejoindre l'achat groupé" }}</button>
        </ActionForm>
        {leave}
    }
}
