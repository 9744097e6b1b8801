//! The buyer's comparison: the ladder, the quotes side by side (sortable by price, lead time
//! or distance through the address, so that it works without JavaScript), the shortlist,
//! the award of each lot with a reason, and « l'achat a-t-il eu lieu ? ».

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use strum::VariantArray;

use super::attachments_panel::QuoteFileLinks;
use crate::{
    domain::{
        Code,
        calendar::french_iso_date,
        geo::kilometres,
        needs::{
            SocialConsideration,
            budget::{euros, plain_euros},
            lots::Lot,
            views::{Comparison, QuoteLine},
        },
    },
    server_fns::needs::{AwardLot, ConfirmPurchase, ShortlistQuote},
    ui::components::{field_error, refusal},
};

fn sorted(mut quotes: Vec<QuoteLine>, by: &str) -> Vec<QuoteLine> {
    match by {
        "distance" => quotes.sort_by(|a, b| {
            a.distance_km.unwrap_or(f64::MAX).total_cmp(&b.distance_km.unwrap_or(f64::MAX))
        }),
        "delai" => quotes.sort_by(|a, b| a.lead_time.cmp(&b.lead_time)),
        _ => quotes.sort_by_key(|q| q.total_cents),
    }
    quotes
}

#[component]
pub fn ComparisonPanel(
    comparison: Comparison,
    need_id: String,
    lots: Vec<Lot>,
    questions: Vec<String>,
    /// The reader writes the need's decisions (not a mere reader of it).
    decides: bool,
    open: bool,
    shortlist: ServerAction<ShortlistQuote>,
    award: ServerAction<AwardLot>,
    purchase: ServerAction<ConfirmPurchase>,
) -> impl IntoView {
    let query = use_query_map();
    let by = move || query.read().get("tri").unwrap_or_else(|| "prix".to_owned());
    let quotes = comparison.quotes.clone();
    let lots_for_table = lots.clone();
    let questions_for_table = questions.clone();
    let id_for_table = need_id.clone();
    let table = move || {
        let rows = sorted(quotes.clone(), &by());
        let lots = lots_for_table.clone();
        let questions = questions_for_table.clone();
        let need_id = id_for_table.clone();
        view! {
            <table class="table comparison" id="quotes-table">
                <thead>
                    <tr>
                        <th scope="col">"Structure"</th>
                        {lots.iter().map(|l| view! { <th scope="col">{format!("Lot {} (HT)", l.number)}</th> }).collect_view()}
                        <th scope="col"><a href="?tri=prix">"Total HT"</a></th>
                        <th scope="col"><a href="?tri=delai">"Délai"</a></th>
                        <th scope="col"><a href="?tri=distance">"Distance"</a></th>
                        <th scope="col">"Label HQS"</th>
                        <th scope="col">"Profil HQS"</th>
                        {decides.then(|| view! { <th scope="col">"Présélection"</th> })}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|q| {
                        let on = q.shortlisted;
                        let (nid, sid) = (need_id.clone(), q.structure_id.clone());
                        let toggle = (decides && open).then(move || view! {
                            <ActionForm action=shortlist attr:class="inline-form">
                                <input type="hidden" name="need_id" value=nid/>
                                <input type="hidden" name="structure_id" value=sid/>
                                <input type="hidden" name="on" value=(!on).to_string()/>
                                <button type="submit" class="small secondary">{if on { "Retirer" } else { "Présélectionner" }}</button>
                            </ActionForm>
                        });
                        view! {
                            <tr class="quote-line" class:shortlisted=on data-structure=q.structure_id.clone()>
                                <th scope="row">
                                    <a href=format!("/structures/{}", q.slug)>{q.name.clone()}</a>
                                    <br/><span class="muted">{q.kinds.join(" ")}</span>
                                    {(!q.message.is_empty()).then(|| view! { <details><summary>"Message"</summary><p>{q.message.clone()}</p></details> })}
                                    {(!q.answers.is_empty()).then(|| view! {
                                        <details><summary>"Réponses"</summary>
                                            <dl>{questions.iter().zip(q.answers.iter()).map(|(question, answer)| view! { <dt>{question.clone()}</dt><dd>{answer.clone()}</dd> }).collect_view()}</dl>
                                        </details>
                                    })}
                                    <QuoteFileLinks need_id=need_id.clone() files=q.files.clone()/>
                                </th>
                                {q.prices.iter().map(|p| view! { <td>{p.map_or_else(|| "—".to_owned(), euros)}</td> }).collect_view()}
                                <td class="total">{euros(q.total_cents)}</td>
                                <td>{q.lead_time.clone()}</td>
                                <td>{q.distance_km.map_or_else(|| "—".to_owned(), kilometres)}</td>
                                <td>{if q.labelled { "Labellisée" } else { "—" }}</td>
                                <td>
                                    {q.overall.clone().unwrap_or_else(|| "—".to_owned())}
                                    {(!q.verdicts.is_empty()).then(|| view! {
                                        <ul class="verdicts">{q.verdicts.iter().map(|(c, v)| view! { <li>{format!("{c} : {v}")}</li> }).collect_view()}</ul>
                                    })}
                                </td>
                                {decides.then(|| view! { <td>{if on { "Oui " } else { "" }}{toggle}</td> })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    let award_answer = Signal::derive(move || award.value().get());
    let award_reason = field_error(award_answer, "reason");
    let award_structure = field_error(award_answer, "structure_id");
    let awarded_lots: Vec<u8> = comparison.awards.iter().map(|a| a.0).collect();
    let award_forms = (decides && open && !comparison.quotes.is_empty()).then(|| {
        let quotes = comparison.quotes.clone();
        view! {
            <h3>"Attribuer"</h3>
            {lots.clone().into_iter().filter(|l| !awarded_lots.contains(&l.number)).enumerate().map(|(i, lot)| {
                let position = lots.iter().position(|l| l.number == lot.number).unwrap_or(0);
                let nid = need_id.clone();
                let candidates: Vec<(String, String)> = quotes.iter()
                    .filter_map(|q| q.prices.get(position).copied().flatten().map(|p| (q.structure_id.clone(), format!("{} — {}", q.name, euros(p)))))
                    .collect();
                let first = i == 0;
                let reason_error = award_reason;
                let structure_error = award_structure;
                view! {
                    <ActionForm action=award attr:class="award-form" attr:id=format!("award-lot-{}", lot.number)>
                        <input type="hidden" name="need_id" value=nid/>
                        <input type="hidden" name="lot" value=lot.number.to_string()/>
                        <div class="field">
                            <label for=format!("award-structure-{}", lot.number)>{format!("Lot {} — {}", lot.number, lot.title)}</label>
                            <select id=format!("award-structure-{}", lot.number) name="structure_id">
                                {candidates.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                            </select>
                            {first.then(|| view! { <p class="field-error" role="alert">{move || structure_error.get()}</p> })}
                        </div>
                        <div class="field">
                            <label for=format!("champ-award-reason-{}", lot.number)>"Motif du choix (communiqué aux structures non retenues)"</label>
                            <input id=format!("champ-award-reason-{}", lot.number) name="reason" type="text"/>
                            {first.then(|| view! { <p class="field-error" id="champ-award-reason-erreur" role="alert">{move || reason_error.get()}</p> })}
                        </div>
                        <button type="submit">"Attribuer ce lot"</button>
                    </ActionForm>
                }
            }).collect_view()}
            <p class="error" role="alert">{refusal(award_answer)}</p>
        }
    });
    let purchase_answer = Signal::derive(move || purchase.value().get());
    let e = move |f: &'static str| field_error(purchase_answer, f);
    let considerations: Vec<(String, String)> = SocialConsideration::VARIANTS
        .iter()
        .map(|c| (c.code().to_owned(), c.label().to_owned()))
        .collect();
    let follow_up = (decides && !comparison.to_confirm.is_empty()).then(|| view! {
        <h3>"L'achat a-t-il eu lieu ?"</h3>
        {comparison.to_confirm.clone().into_iter().map(|(structure_id, name, cents)| {
            // The structure's declaration, when it made one, fills the form.
            let declared = comparison.declarations.iter().find(|d| d.0 == structure_id).cloned();
            let amount = declared.as_ref().map_or_else(|| format!("{}", cents / 100), |d| plain_euros(d.1));
            let day = declared.as_ref().map(|d| french_iso_date(&d.2)).unwrap_or_default();
            let declared = declared.map(|(_, c, d)| view! {
                <p class="notice purchase-declared">{format!("La structure déclare un achat de {} HT, le {}.", euros(c), french_iso_date(&d))}</p>
            });
            let nid = need_id.clone();
            let considerations = considerations.clone();
            view! {
                <ActionForm action=purchase attr:class="purchase-form" attr:id="purchase-form" attr:novalidate=true>
                    <input type="hidden" name="need_id" value=nid/>
                    <input type="hidden" name="structure_id" value=structure_id/>
                    <p><strong>{name}</strong></p>
                    {declared}
                    <div class="field">
                        <label for="champ-amount">"Montant payé (€ HT)"</label>
                        <input id="champ-amount" name="form[amount]" type="text" value=amount/>
                        <p class="field-error" role="alert">{move || e("amount").get()}</p>
                    </div>
                    <div class="field">
                        <label for="champ-purchased_on">"Date de l'achat (JJ/MM/AAAA)"</label>
                        <input id="champ-purchased_on" name="form[purchased_on]" type="text" value=day/>
                        <p class="field-error" role="alert">{move || e("purchased_on").get()}</p>
                    </div>
                    <div class="field">
                        <label for="champ-consideration">"Considération sociale du marché"</label>
                        <select id="champ-consideration" name="form[consideration]">
                            {considerations.into_iter().map(|(c, l)| view! { <option value=c>{l}</option> }).collect_view()}
                        </select>
                        <p class="field-error" role="alert">{move || e("consideration").get()}</p>
                    </div>
                    <div class="field">
                        <label for="champ-insertion_hours">"Heures d'insertion demandées (facultatif)"</label>
                        <input id="champ-insertion_hours" name="form[insertion_hours]" type="number"/>
                        <p class="field-error" role="alert">{move || e("insertion_hours").get()}</p>
                    </div>
                    <button type="submit" id="confirm-purchase">"Oui, enregistrer l'achat"</button>
                </ActionForm>
            }
        }).collect_view()}
        <p class="error" role="alert">{refusal(purchase_answer)}</p>
    });
    view! {
        <section class="panel" id="need-comparison">
            <h2>"Réponses"</h2>
            <ul class="ladder" id="need-ladder">
                {comparison.ladder.iter().map(|(label, n)| view! { <li>{format!("{label} : {n}")}</li> }).collect_view()}
            </ul>
            {if comparison.quotes.is_empty() {
                view! { <p class="muted" id="no-quote">"Aucun devis pour l'instant."</p> }.into_any()
            } else {
                table.into_any()
            }}
            {(!comparison.awards.is_empty()).then(|| view! {
                <h3>"Attributions"</h3>
                <ul id="need-awards">
                    {comparison.awards.iter().map(|(lot, _, name, reason)| view! { <li>{format!("Lot {lot} : {name} — {reason}")}</li> }).collect_view()}
                </ul>
            })}
            {award_forms}
            {follow_up}
            {(!comparison.purchases.is_empty()).then(|| view! {
                <h3>"Achats enregistrés"</h3>
                <ul id="need-purchases">
                    {comparison.purchases.iter().map(|(name, cents, day)| view! { <li>{format!("{name} : {} HT, le {}", euros(*cents), french_iso_date(day))}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
