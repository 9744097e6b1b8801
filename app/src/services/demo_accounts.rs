//! One demo account per role, with a known password, for a database `server seed-demo`
//! filled (and only then): a verified public buyer's owner and its procurement officer, a
//! verified private buyer, suppliers owning demo structures (one of any kind, an ESAT, an
//! entreprise d'insertion and a régie de quartier), the pôle's two animators (a label needs
//! two: one prepares, the other decides) and its observer, and a buyer waiting for the
//! pôle's verification.

use crate::{
    db::{
        self, Db,
        buyer_verification::{self, Request},
        demo_data, memberships, organisations, structures, users, watch_reports,
    },
    domain::{
        Code,
        accounts::{DisplayName, Password},
        directory::{StructureKind, kind::parse_kinds},
        organisations::{BuyerCategory, BuyerKind, MemberRole, OrganisationKind, Verification},
    },
    services::accounts::PasswordHashing,
};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "ecossol-demo-2026";

/// A demo account: its address, and who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub email: &'static str,
    pub who: String,
}

struct Person {
    email: &'static str,
    name: &'static str,
    role: MemberRole,
}

/// A demo buyer: name, kind, category, SIRET, whether the pôle verified it, its people.
struct DemoBuyer {
    name: &'static str,
    kind: BuyerKind,
    category: BuyerCategory,
    siret: &'static str,
    verified: bool,
    people: &'static [Person],
}

const BUYERS: &[DemoBuyer] = &[
    DemoBuyer {
        name: "Ville de Fontaine",
        kind: BuyerKind::Public,
        category: BuyerCategory::Collectivite,
        siret: "21380169000016",
        verified: true,
        people: &[
            Person {
                email: "ville@demo.ecossol.fr",
                name: "Claire Fontaine",
                role: MemberRole::Owner,
            },
            Person {
                email: "acheteur@demo.ecossol.fr",
                name: "Yanis Achats",
                role: MemberRole::ProcurementOfficer,
            },
        ],
    },
    DemoBuyer {
        name: "Alpes Ingénierie SA",
        kind: BuyerKind::Private,
        category: BuyerCategory::Eti,
        siret: "55200000000018",
        verified: true,
        people: &[Person {
            email: "entreprise@demo.ecossol.fr",
            name: "Martine Entreprise",
            role: MemberRole::Owner,
        }],
    },
    DemoBuyer {
        name: "Transports du Grésivaudan SAS",
        kind: BuyerKind::Private,
        category: BuyerCategory::Pme,
        siret: "52103000000009",
        verified: true,
        people: &[Person {
            email: "groupement@demo.ecossol.fr",
            name: "Léa Groupement",
            role: MemberRole::Owner,
        }],
    },
    DemoBuyer {
        name: "Commune de Sassenage",
        kind: BuyerKind::Public,
        category: BuyerCategory::Collectivite,
        siret: "21380185000016",
        verified: false,
        people: &[Person {
            email: "demande@demo.ecossol.fr",
            name: "Paul Demande",
            role: MemberRole::Owner,
        }],
    },
];

const POLE: &[Person] = &[
    Person {
        email: "animation@demo.ecossol.fr",
        name: "Camille Animation",
        role: MemberRole::Animator,
    },
    Person {
        email: "instruction@demo.ecossol.fr",
        name: "Noé Instruction",
        role: MemberRole::Animator,
    },
    Person {
        email: "observation@demo.ecossol.fr",
        name: "Dominique Observation",
        role: MemberRole::Observer,
    },
];

/// A demo supplier: its owner, the kind of the structure they own (`None`: the first
/// published structure, whatever its kind), and how the accounts' list describes them.
struct DemoSupplier {
    person: Person,
    kind: Option<StructureKind>,
    who: &'static str,
}

const fn owner(email: &'static str, name: &'static str) -> Person {
    Person { email, name, role: MemberRole::Owner }
}

/// The first one is the supplier the needs' demo reaches; the others hold the demo's HQS
/// labels (`services::hqs::demo`).
pub const SUPPLIER_EMAILS: [&str; 4] = [
    "fournisseur@demo.ecossol.fr",
    "esat@demo.ecossol.fr",
    "insertion@demo.ecossol.fr",
    "regie@demo.ecossol.fr",
];

const SUPPLIERS: [DemoSupplier; 4] = [
    DemoSupplier {
        person: owner(SUPPLIER_EMAILS[0], "Sami Fournisseur"),
        kind: None,
        who: "Propriétaire d'une structure de l'annuaire",
    },
    DemoSupplier {
        person: owner(SUPPLIER_EMAILS[1], "Inès Atelier"),
        kind: Some(StructureKind::Esat),
        who: "Propriétaire d'un ESAT",
    },
    DemoSupplier {
        person: owner(SUPPLIER_EMAILS[2], "Hugo Insertion"),
        kind: Some(StructureKind::Ei),
        who: "Propriétaire d'une entreprise d'insertion",
    },
    DemoSupplier {
        person: owner(SUPPLIER_EMAILS[3], "Lina Quartier"),
        kind: Some(StructureKind::Rq),
        who: "Propriétaire d'une régie de quartier",
    },
];

/// Makes the demo accounts once, on a database seed-demo filled; returns them (empty on any
/// other database). Running it again changes nothing and returns them again.
pub async fn ensure(
    db: &Db,
    hashing: &PasswordHashing,
    now: i64,
) -> anyhow::Result<Vec<DemoAccount>> {
    if !demo_data::is_demo(db).await? {
        return Ok(Vec::new());
    }
    // The pôle's first account is made whatever the directory holds: it marks the rest.
    if users::find_by_email(db, POLE[0].email).await?.is_none() {
        create(db, hashing, now).await?;
    }
    let mut accounts = Vec::new();
    for buyer in BUYERS {
        let state = if buyer.verified { "vérifié" } else { "vérification demandée" };
        for p in buyer.people {
            let who = format!("{} de « {} » ({state})", p.role.label(), buyer.name);
            accounts.push(DemoAccount { email: p.email, who });
        }
    }
    for supplier in &SUPPLIERS {
        // A supplier exists only when the directory held a structure of its kind.
        if users::find_by_email(db, supplier.person.email).await?.is_none() {
            continue;
        }
        accounts.push(DemoAccount { email: supplier.person.email, who: supplier.who.to_owned() });
    }
    for p in POLE {
        accounts.push(DemoAccount { email: p.email, who: p.role.label().to_owned() });
    }
    Ok(accounts)
}

async fn create(db: &Db, hashing: &PasswordHashing, now: i64) -> anyhow::Result<()> {
    let hash = hashing.hash(&Password::parse(DEMO_PASSWORD)?).await?;
    let mut tx = db::begin(db).await?;
    let pole = match organisations::pole_id(db).await? {
        Some(id) => id,
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            let name = "Pôle d'achats solidaires";
            organisations::insert(&mut tx, &id, name, OrganisationKind::Pole, None, now).await?;
            id
        }
    };
    let mut animator = String::new();
    for p in POLE {
        let user = person(&mut tx, p, &hash, now).await?;
        memberships::insert(&mut tx, &pole, &user, p.role.as_str(), now).await?;
        if p.role == MemberRole::Animator && animator.is_empty() {
            // The first animator receives the watch's monthly report and verifies buyers.
            let today = crate::domain::calendar::Day::of_instant(now).iso();
            watch_reports::upsert(&mut tx, &user, "monthly", &today, now).await?;
            animator = user;
        }
    }
    for buyer in BUYERS {
        let id = uuid::Uuid::new_v4().to_string();
        let kind = OrganisationKind::Buyer(buyer.kind);
        organisations::insert(&mut tx, &id, buyer.name, kind, None, now).await?;
        let mut requester = String::new();
        for p in buyer.people {
            let user = person(&mut tx, p, &hash, now).await?;
            memberships::insert(&mut tx, &id, &user, p.role.as_str(), now).await?;
            if requester.is_empty() {
                requester = user;
            }
        }
        let request = Request {
            siret: buyer.siret,
            category: buyer.category.code(),
            from: Verification::None,
            to: Verification::Requested,
            requested_by: &requester,
            now,
        };
        buyer_verification::request(&mut tx, &id, &request).await?;
        if buyer.verified {
            let (from, to) = (Verification::Requested, Verification::Verified);
            let reason = "Données de démonstration : SIRET et catégorie vérifiés.";
            buyer_verification::decide(&mut tx, &id, from, to, reason, &animator, now).await?;
        }
    }
    let published = structures::published(db, i64::MAX, 0).await?;
    let mut taken = Vec::new();
    for supplier in &SUPPLIERS {
        let Some(structure) = published.iter().find(|s| {
            !taken.contains(&s.id)
                && supplier.kind.is_none_or(|kind| {
                    parse_kinds(&s.kinds).is_ok_and(|kinds| kinds.contains(&kind))
                })
        }) else {
            continue;
        };
        taken.push(structure.id.clone());
        let id = uuid::Uuid::new_v4().to_string();
        let kind = OrganisationKind::Supplier;
        organisations::insert(&mut tx, &id, &structure.name, kind, None, now).await?;
        let user = person(&mut tx, &supplier.person, &hash, now).await?;
        memberships::insert(&mut tx, &id, &user, supplier.person.role.as_str(), now).await?;
        structures::set_organisation(&mut tx, &structure.id, &id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A verified account for `p`; returns its id.
async fn person(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    p: &Person,
    hash: &str,
    now: i64,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let name = DisplayName::parse(p.name)?;
    let new_user = users::NewUser {
        id: &id,
        email: p.email,
        display_name: name.as_str(),
        password_hash: hash,
        verified_at: Some(now),
        platform_role: None,
        now,
    };
    users::insert(tx, &new_user).await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Siret;

    #[test]
    fn demo_buyers_have_valid_sirets_and_fitting_categories() {
        assert!(Password::parse(DEMO_PASSWORD).is_ok());
        for buyer in BUYERS {
            assert!(Siret::parse(buyer.siret).is_ok(), "{}", buyer.name);
            assert_eq!(buyer.category.buyer_kind(), buyer.kind, "{}", buyer.name);
        }
        assert!(BUYERS.iter().any(|b| !b.verified), "the animators' desk is not empty");
    }
}
