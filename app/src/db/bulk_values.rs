//! The VALUES list of a multi-row INSERT, in the parameter style each database binds fast.
//!
//! SQLite keeps the names of a statement's numbered parameters (`$7`) in a list it walks to
//! find one, and sqlx's SQLite driver asks for the name of every parameter it binds: binding
//! a statement of n `$N` parameters costs n²/2 steps. At 500 purchase lines of 27 columns
//! (13,500 parameters) a profile of the 1,000,000-line import showed 95 % of the time in
//! `sqlite3_bind_parameter_name`. SQLite's anonymous `?` parameters have no name to walk;
//! PostgreSQL knows only `$N`. See docs/benchmarks.md « Watch ».

use sqlx::AnyConnection;

use super::Backend;

impl Backend {
    /// The database a connection (or a transaction, through `&mut **tx`) talks to.
    pub fn of_connection(connection: &AnyConnection) -> Self {
        if connection.backend_name() == "SQLite" { Self::Sqlite } else { Self::Postgres }
    }
}

/// `(?, ?), (?, ?)` on SQLite, `($1, $2), ($3, $4)` on PostgreSQL: `rows` rows of `width`
/// parameters, bound in that order.
pub fn values_list(backend: Backend, rows: usize, width: usize) -> String {
    let mut sql = String::with_capacity(rows * width * 6);
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..width {
            if c > 0 {
                sql.push_str(", ");
            }
            match backend {
                Backend::Sqlite => sql.push('?'),
                Backend::Postgres => {
                    sql.push('$');
                    sql.push_str(&(r * width + c + 1).to_string());
                }
            }
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_takes_anonymous_parameters_and_postgresql_numbered_ones() {
        assert_eq!(values_list(Backend::Sqlite, 2, 3), "(?, ?, ?), (?, ?, ?)");
        assert_eq!(values_list(Backend::Postgres, 2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(values_list(Backend::Postgres, 1, 1), "($1)");
    }
}
