//! E-mails Ecossol sends. Each is written to the outbox in the transaction of the change
//! that causes it; the mail worker delivers it.

use sqlx::{Any, Transaction};

use crate::db::email_outbox;

/// A message ready to be queued.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

pub async fn enqueue(
    tx: &mut Transaction<'_, Any>,
    mail: &Mail,
    now: i64,
) -> Result<(), sqlx::Error> {
    let id = uuid::Uuid::new_v4().to_string();
    email_outbox::enqueue(tx, &id, &mail.to, &mail.subject, &mail.body, now).await
}

pub fn verify_address(to: &str, name: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Confirmez votre adresse e-mail sur Ecossol".to_owned(),
        body: format!(
            "Bonjour {name},\n\n\
             Pour activer votre compte Ecossol, confirmez votre adresse e-mail en ouvrant ce \
             lien (valable 48 heures) :\n\n{link}\n\n\
             Si vous n'avez pas créé de compte, ignorez ce message.\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

pub fn account_already_exists(to: &str, sign_in: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Votre compte Ecossol existe déjà".to_owned(),
        body: format!(
            "Bonjour,\n\n\
             Quelqu'un (peut-être vous) a voulu créer un compte Ecossol avec cette adresse, \
             qui en a déjà un. Pour vous connecter : {sign_in}\n\n\
             Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser depuis la \
             page de connexion. Si ce n'était pas vous, ignorez ce message.\n\n\
             — Ecossol\n"
        ),
    }
}

pub fn invitation(to: &str, inviter: &str, organisation: &str, role: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Invitation à rejoindre {organisation} sur Ecossol"),
        body: format!(
            "Bonjour,\n\n\
             {inviter} vous invite à rejoindre « {organisation} » sur Ecossol, avec le rôle \
             « {role} ».\n\n\
             Pour accepter, ouvrez ce lien (valable 14 jours) ; créez d'abord un compte avec \
             cette adresse si vous n'en avez pas :\n\n{link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

pub fn join_request(to: &str, requester: &str, organisation: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Demande pour rejoindre {organisation}"),
        body: format!(
            "Bonjour,\n\n\
             {requester} demande à rejoindre « {organisation} » sur Ecossol. Vous pouvez \
             accepter ou refuser sa demande ici :\n\n{link}\n\n— Ecossol\n"
        ),
    }
}

pub fn join_decision(to: &str, organisation: &str, accepted: bool) -> Mail {
    let (subject, sentence) = if accepted {
        (format!("Bienvenue dans {organisation}"), "a été acceptée : vous en êtes désormais membre")
    } else {
        (format!("Votre demande pour rejoindre {organisation}"), "n'a pas été acceptée")
    };
    Mail {
        to: to.to_owned(),
        subject,
        body: format!(
            "Bonjour,\n\nVotre demande pour rejoindre « {organisation} » sur Ecossol {sentence}.\n\n— Ecossol\n"
        ),
    }
}

pub fn password_reset(to: &str, name: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Réinitialisation de votre mot de passe Ecossol".to_owned(),
        body: format!(
            "Bonjour {name},\n\n\
             Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une \
             seule fois) :\n\n{link}\n\n\
             Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.\n\n\
             — Ecossol\n"
        ),
    }
}

/// The pôle's decision on a structure's profile, with its reason.
pub fn structure_decision(
    to: &str,
    structure: &str,
    step: crate::domain::directory::StructureStep,
    reason: Option<&str>,
    link: &str,
) -> Mail {
    use crate::domain::directory::StructureStep as S;
    let (subject, what) = match step {
        S::Validate => {
            ("Votre fiche est publiée", "a été validée par le pôle : elle est désormais publique.")
        }
        S::Refuse => (
            "Votre fiche est à compléter",
            "n'a pas été validée par le pôle et revient en brouillon.",
        ),
        S::Suspend => {
            ("Votre fiche est suspendue", "a été suspendue par le pôle : elle n'est plus publique.")
        }
        S::Reinstate => (
            "Votre fiche est rétablie",
            "a été rétablie par le pôle : elle est de nouveau publique.",
        ),
        _ => ("Votre fiche a changé d'état", "a changé d'état."),
    };
    let reason = reason.map(|r| format!("Motif : {r}\n\n")).unwrap_or_default();
    Mail {
        to: to.to_owned(),
        subject: format!("{subject} : {structure}"),
        body: format!(
            "Bonjour,\n\n\
             La fiche « {structure} » {what}\n\n\
             {reason}\
             Pour la consulter ou la modifier : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// A step of a compliance check, told to the other party.
pub fn check_update(to: &str, what: &str, check: &str, note: Option<&str>, link: &str) -> Mail {
    let note = note.map(|n| format!("{n}\n\n")).unwrap_or_default();
    Mail {
        to: to.to_owned(),
        subject: format!("Contrôle HQS : {what}"),
        body: format!(
            "Bonjour,\n\n\
             Contrôle « {check} » : {what}.\n\n\
             {note}\
             Pour le consulter : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// The pôle's decision on a buyer's verification, told to the buyer's owners.
pub fn verification_decision(
    to: &str,
    organisation: &str,
    state: crate::domain::organisations::Verification,
    reason: &str,
    link: &str,
) -> Mail {
    use crate::domain::organisations::Verification as V;
    let (subject, what) = match state {
        V::Verified => (
            "Votre organisation est vérifiée",
            "est vérifiée par le pôle : elle peut ouvrir des contrôles HQS.",
        ),
        _ => (
            "Votre organisation n'est pas vérifiée",
            "n'est pas (ou plus) vérifiée par le pôle : ses contrôles HQS sont gelés.",
        ),
    };
    Mail {
        to: to.to_owned(),
        subject: format!("{subject} : {organisation}"),
        body: format!(
            "Bonjour,\n\n\
             Votre organisation « {organisation} » {what}\n\n\
             Motif : {reason}\n\n\
             Pour la consulter : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// A buyer asks the pôle to verify it, told to the pôle's animators.
pub fn verification_request(to: &str, organisation: &str, requester: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Vérification demandée : {organisation}"),
        body: format!(
            "Bonjour,\n\n\
             {requester} demande que le pôle vérifie l'acheteur « {organisation} ».\n\n\
             Pour décider : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// A step of a label file, or a reminder, told to the structure or to the pôle.
pub fn label_update(to: &str, what: &str, structure: &str, note: Option<&str>, link: &str) -> Mail {
    let note = note.map(|n| format!("{n}\n\n")).unwrap_or_default();
    Mail {
        to: to.to_owned(),
        subject: format!("Label Haute Qualité Solidaire : {what}"),
        body: format!(
            "Bonjour,\n\n\
             Label « Haute Qualité Solidaire » de « {structure} » : {what}.\n\n\
             {note}\
             Pour consulter le dossier : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// The last `count` messages of the outbox, newest first, for the administrators' page.
pub async fn latest(
    state: &crate::state::AppState,
    count: i64,
) -> Result<Vec<crate::domain::accounts::MailView>, crate::error::AppError> {
    let rows = email_outbox::latest(&state.db, count).await?;
    Ok(rows
        .into_iter()
        .map(|(to, subject, body, sent_at)| crate::domain::accounts::MailView {
            to,
            subject,
            // Never a live link: the recipient alone has it.
            body: without_secrets(&body),
            sent: sent_at.is_some(),
        })
        .collect())
}

/// What stands for a link's secret once struck out.
pub const STRUCK: &str = "[retiré]";

/// `body` with the secret of each link struck out: every value after `jeton=` becomes
/// [`STRUCK`]. Every single-use link Ecossol mails (verification, reset, invitation, a
/// need's answer) carries its secret so, and nothing else in a mail is secret.
pub fn without_secrets(body: &str) -> String {
    const KEY: &str = "jeton=";
    let mut kept = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(KEY) {
        let (before, after) = rest.split_at(at + KEY.len());
        kept.push_str(before);
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '%')))
            .unwrap_or(after.len());
        if end > 0 {
            kept.push_str(STRUCK);
        }
        rest = &after[end..];
    }
    kept.push_str(rest);
    kept
}

/// The links with a secret in `body` (what a developer without SMTP needs, told once).
pub fn secret_links(body: &str) -> Vec<&str> {
    body.split_whitespace().filter(|word| word.contains("jeton=")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_struck_out_of_links_and_the_rest_stays() {
        let body = "Bonjour,\n\nhttps://e.example/invitation?jeton=ab12CD_-3%3D.\n\
                    et https://e.example/besoins/reponse?jeton=ffee&x=1\n— Ecossol\n";
        let struck = without_secrets(body);
        assert_eq!(
            struck,
            "Bonjour,\n\nhttps://e.example/invitation?jeton=[retiré].\n\
             et https://e.example/besoins/reponse?jeton=[retiré]&x=1\n— Ecossol\n"
        );
        assert_eq!(without_secrets(&struck), struck, "striking twice changes nothing");
        assert_eq!(without_secrets("jeton="), "jeton=");
        assert_eq!(secret_links(body).len(), 2);
        assert!(secret_links(&struck).iter().all(|l| l.contains(STRUCK)));
    }
}
