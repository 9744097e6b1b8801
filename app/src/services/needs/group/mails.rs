//! The e-mails of group purchases.

use crate::services::mail::Mail;

const SIGNATURE: &str = "— Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n";

/// A buyer invited to join a group purchase.
pub fn invited(to: &str, lead: &str, title: &str, until: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Invitation à un achat groupé : {title}"),
        body: format!(
            "Bonjour,\n\n\
             « {lead} » vous invite à acheter avec lui : « {title} ». Indiquez vos quantités, vos \
             sites et votre part du budget avant le {until} ; la consultation sera menée une \
             seule fois pour l'ensemble et chaque acheteur recevra son propre achat.\n\n\
             Pour répondre : {link}\n\n{SIGNATURE}"
        ),
    }
}

/// The lead told that a buyer joined or left.
pub fn member_changed(to: &str, member: &str, title: &str, joined: bool, link: &str) -> Mail {
    let what = if joined { "rejoint" } else { "quitté" };
    Mail {
        to: to.to_owned(),
        subject: format!("« {member} » a {what} votre achat groupé : {title}"),
        body: format!(
            "Bonjour,\n\n« {member} » a {what} l'achat groupé « {title} ». Les volumes mis en \
             commun sont à jour sur sa page : {link}\n\n{SIGNATURE}"
        ),
    }
}
