//! The e-mails of needs.

use crate::{domain::needs::NeedStep, services::mail::Mail};

/// The pôle's decision on a need, told to its buyer's owners.
pub fn decision(to: &str, title: &str, step: NeedStep, message: Option<&str>, link: &str) -> Mail {
    let (subject, what) = match step {
        NeedStep::Validate => (
            "Votre besoin est publié",
            "a été validé par le pôle : les structures qui peuvent y répondre en sont informées.",
        ),
        NeedStep::Return => (
            "Votre besoin est à compléter",
            "vous est renvoyé par le pôle pour modification. Sans modification sous 10 jours, il expire.",
        ),
        NeedStep::Refuse => ("Votre besoin n'est pas publié", "a été refusé par le pôle."),
        _ => ("Votre besoin a changé d'état", "a changé d'état."),
    };
    let message = message.map(|m| format!("Message du pôle : {m}\n\n")).unwrap_or_default();
    Mail {
        to: to.to_owned(),
        subject: format!("{subject} : {title}"),
        body: format!(
            "Bonjour,\n\n\
             Le besoin « {title} » {what}\n\n\
             {message}\
             Pour le consulter : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// A need left in changes too long.
pub fn lapsed(to: &str, title: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Votre besoin a expiré : {title}"),
        body: format!(
            "Bonjour,\n\n\
             Le besoin « {title} », renvoyé pour modification, n'a pas été modifié à temps : il a \
             expiré. Vous pouvez le consulter et en déposer un nouveau : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// A need a structure can answer, with its single-use link.
pub fn new_need(to: &str, structure: &str, title: &str, deadline: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Un acheteur cherche une structure comme la vôtre : {title}"),
        body: format!(
            "Bonjour,\n\n\
             Un acheteur du pôle d'achats solidaires a publié un besoin auquel « {structure} » \
             peut répondre : « {title} ». Réponse attendue avant le {deadline}.\n\n\
             Dites-nous en un clic si vous êtes intéressés (sans vous connecter) : {link}\n\n\
             Ce lien vous est personnel et ne sert qu'une fois.\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// A structure whose quote was not retained, told politely with the buyer's reason.
pub fn not_retained(to: &str, structure: &str, title: &str, reason: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Votre devis n'a pas été retenu : {title}"),
        body: format!(
            "Bonjour,\n\n\
             Merci pour le devis de « {structure} » en réponse au besoin « {title} ». \
             L'acheteur a retenu une autre proposition.\n\n\
             Motif de son choix : {reason}\n\n\
             D'autres besoins vous attendent peut-être : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}
