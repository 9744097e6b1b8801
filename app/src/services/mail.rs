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
