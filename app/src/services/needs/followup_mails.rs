//! The e-mails around a need's consultation after the first one: the reminder to a
//! structure, the buyer's news of interested structures, the follow-up after the start date.

use crate::services::mail::Mail;

const SIGNATURE: &str = "— Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n";

/// The one reminder to a structure that has not opened the need, with a fresh link.
pub fn reminder(to: &str, structure: &str, title: &str, deadline: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Rappel : un acheteur attend votre réponse : {title}"),
        body: format!(
            "Bonjour,\n\n\
             Il y a quelques jours, nous vous avons signalé un besoin auquel « {structure} » \
             peut répondre : « {title} ». Réponse attendue avant le {deadline}.\n\n\
             Dites-nous en un clic si vous êtes intéressés (sans vous connecter) : {link}\n\n\
             Ce lien vous est personnel et ne sert qu'une fois. C'est notre seul rappel.\n\n\
             {SIGNATURE}"
        ),
    }
}

/// The buyer's news: `count` structures are interested in its need.
pub fn interested(to: &str, count: u32, title: &str, link: &str) -> Mail {
    let who = if count == 1 {
        "1 fournisseur intéressé".to_owned()
    } else {
        format!("{count} fournisseurs intéressés")
    };
    Mail {
        to: to.to_owned(),
        subject: format!("{who} par « {title} »"),
        body: format!(
            "Bonjour,\n\n\
             {who} par votre besoin « {title} ». Leurs devis et leurs réponses vous attendent \
             sur la page du besoin : {link}\n\n\
             {SIGNATURE}"
        ),
    }
}

/// « L'achat a-t-il eu lieu ? », to the buyer, once the work has started.
pub fn follow_up_buyer(to: &str, title: &str, suppliers: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("L'achat a-t-il eu lieu ? {title}"),
        body: format!(
            "Bonjour,\n\n\
             Vous avez attribué le besoin « {title} » à {suppliers}. Le démarrage prévu est passé : \
             l'achat a-t-il eu lieu ? Indiquez-en le montant sur la page du besoin, il compte \
             dans le suivi des achats solidaires du territoire : {link}\n\n\
             {SIGNATURE}"
        ),
    }
}

/// « L'achat a-t-il eu lieu ? », to a retained structure, once the work has started.
pub fn follow_up_supplier(to: &str, structure: &str, title: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("L'achat a-t-il eu lieu ? {title}"),
        body: format!(
            "Bonjour,\n\n\
             « {structure} » a été retenue pour le besoin « {title} » et le démarrage prévu est \
             passé. L'achat a-t-il eu lieu ? Déclarez-en le montant et la date sur la page du \
             besoin ; l'acheteur le confirmera : {link}\n\n\
             {SIGNATURE}"
        ),
    }
}
