use leptos::prelude::*;

use crate::ui::components::{field_error, refusal};
use crate::{
    domain::organisations::{JoinRequestView, MemberRole, OrganisationDetails},
    server_fns::organisations::{
        DecideJoinRequest, InviteMember, LeaveOrganisation, SetMemberRole,
    },
    ui::components::FormField,
};

/// The members and their roles; owners can change a role.
#[component]
pub fn MembersTable(details: OrganisationDetails, owner: bool) -> impl IntoView {
    let action = ServerAction::<SetMemberRole>::new();
    let answer = Signal::derive(move || action.value().get());
    let organisation_id = details.summary.id.clone();
    let choices = details.role_choices.clone();
    view! {
        <section class="panel">
            <h2>"Membres"</h2>
            <p class="error" role="alert">{refusal(answer)}</p>
            <table class="members" id="members">
                <thead>
                    <tr><th>"Nom"</th><th>"Adresse e-mail"</th><th>"Rôle"</th></tr>
                </thead>
                <tbody>
                    {details
                        .members
                        .into_iter()
                        .map(|member| {
                            let role_cell = if owner {
                                let choices = choices.clone();
                                let organisation_id = organisation_id.clone();
                                view! {
                                    <ActionForm action=action attr:class="inline-form">
                                        <input type="hidden" name="organisation_id" value=organisation_id/>
                                        <input type="hidden" name="member_id" value=member.user_id.clone()/>
                                        <select name="role" aria-label="Rôle">
                                            {choices
                                                .into_iter()
                                                .map(|r| view! { <option value=r.as_str() selected=r == member.role>{r.label()}</option> })
                                                .collect_view()}
                                        </select>
                                        <button type="submit" class="small">"Changer"</button>
                                    </ActionForm>
                                }
                                    .into_any()
                            } else {
                                view! { <span>{member.role.label()}</span> }.into_any()
                            };
                            view! {
                                <tr>
                                    <td class="member-name">{member.display_name}</td>
                                    <td>{member.email}</td>
                                    <td>{role_cell}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Invite someone by e-mail, with a role.
#[component]
pub fn InviteForm(organisation_id: String, choices: Vec<MemberRole>) -> impl IntoView {
    let action = ServerAction::<InviteMember>::new();
    let answer = Signal::derive(move || action.value().get());
    let sent = move || matches!(answer.get(), Some(Ok(crate::domain::Outcome::Done(_))));
    view! {
        <section class="panel">
            <h2>"Inviter une personne"</h2>
            <ActionForm action=action attr:id="invite-form">
                <input type="hidden" name="organisation_id" value=organisation_id/>
                <FormField name="email" label="Adresse e-mail" kind="email" error=field_error(answer, "email")/>
                <div class="field">
                    <label for="champ-role">"Rôle"</label>
                    <select id="champ-role" name="role">
                        {choices
                            .into_iter()
                            .map(|r| view! { <option value=r.as_str() selected=r == MemberRole::Member>{r.label()}</option> })
                            .collect_view()}
                    </select>
                    <p class="field-error" role="alert">{field_error(answer, "role")}</p>
                </div>
                <p class="error" role="alert">{refusal(answer)}</p>
                <Show when=sent>
                    <p class="success" role="status" id="invitation-sent">"L'invitation a été envoyée par e-mail."</p>
                </Show>
                <button type="submit">"Envoyer l'invitation"</button>
            </ActionForm>
        </section>
    }
}

/// Pending requests to join, with accept and refuse buttons.
#[component]
pub fn JoinRequests(organisation_id: String, requests: Vec<JoinRequestView>) -> impl IntoView {
    let action = ServerAction::<DecideJoinRequest>::new();
    let answer = Signal::derive(move || action.value().get());
    (!requests.is_empty()).then(|| {
        view! {
            <section class="panel">
                <h2>"Demandes pour rejoindre"</h2>
                <p class="error" role="alert">{refusal(answer)}</p>
                <ul class="plain-list" id="join-requests">
                    {requests
                        .into_iter()
                        .map(|request| {
                            let organisation_id = organisation_id.clone();
                            let request_id = request.id.clone();
                            let decide = move |decision: &'static str, label: &'static str| {
                                let organisation_id = organisation_id.clone();
                                let request_id = request_id.clone();
                                view! {
                                    <ActionForm action=action attr:class="inline-form">
                                        <input type="hidden" name="organisation_id" value=organisation_id/>
                                        <input type="hidden" name="request_id" value=request_id/>
                                        <input type="hidden" name="decision" value=decision/>
                                        <button type="submit" class="small">{label}</button>
                                    </ActionForm>
                                }
                            };
                            view! {
                                <li>
                                    {format!("{} ({}) ", request.display_name, request.email)}
                                    {decide("accept", "Accepter")}
                                    " "
                                    {decide("refuse", "Refuser")}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// Leave the organisation.
#[component]
pub fn LeaveForm(organisation_id: String) -> impl IntoView {
    let action = ServerAction::<LeaveOrganisation>::new();
    let answer = Signal::derive(move || action.value().get());
    view! {
        <section class="panel">
            <ActionForm action=action attr:id="leave-form">
                <input type="hidden" name="organisation_id" value=organisation_id/>
                <p class="error" role="alert">{refusal(answer)}</p>
                <button type="submit" class="secondary">"Quitter l'organisation"</button>
            </ActionForm>
        </section>
    }
}
