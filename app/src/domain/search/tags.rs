//! The facet panel's values as the indexes hold them: one `tags` attribute whose values are
//! `group:value` (`type:ESAT`, `secteur:espaces-verts`, `commune:38185`…). Counting one
//! attribute costs Meilisearch one lookup per matching document where seven attributes cost
//! seven; the groups are told apart here.

/// The groups, named as the search page's address names them.
pub const KIND: &str = "type";
pub const FAMILY: &str = "famille";
pub const SECTOR: &str = "secteur";
pub const SERVICE: &str = "prestation";
pub const COMMUNE: &str = "commune";
pub const LABEL: &str = "label";
pub const HQS: &str = "hqs";

/// The tag of `value` in `group`.
pub fn tag(group: &str, value: &str) -> String {
    format!("{group}:{value}")
}

/// The value of `tag` when it belongs to `group`.
pub fn value_in<'a>(tag: &'a str, group: &str) -> Option<&'a str> {
    let (of, value) = tag.split_once(':')?;
    (of == group).then_some(value)
}

/// The tags of `values` in `group`, added to `tags`.
pub fn extend<S: AsRef<str>>(
    tags: &mut Vec<String>,
    group: &str,
    values: impl IntoIterator<Item = S>,
) {
    tags.extend(values.into_iter().map(|v| tag(group, v.as_ref())));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_names_its_group_and_keeps_colons_in_its_value() {
        let label = tag(LABEL, "Commerce équitable : WFTO");
        assert_eq!(value_in(&label, LABEL), Some("Commerce équitable : WFTO"));
        assert_eq!(value_in(&label, KIND), None);
        assert_eq!(value_in(&tag(KIND, "ESAT"), KIND), Some("ESAT"));
        assert_eq!(value_in("sans-groupe", KIND), None);
    }
}
