//! The lint report a person reads to the end: findings of one check and one group
//! (for single-origin, one chain of sources) become one line unless `verbose`, the
//! checks can be narrowed with `--only` / `--skip`, and the summary counts in words.

use std::collections::HashMap;

use crate::story::lint::{CHECKS, Finding, Severity};
use crate::story::safe_text::clean_line;

/// How many locations a grouped line names before "and N more".
const LOCATIONS_SHOWN: usize = 3;

/// Keeps the findings of the checks in `only` (all when empty), less those in `skip`.
pub(crate) fn select(findings: Vec<Finding>, only: &[String], skip: &[String]) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| only.is_empty() || only.iter().any(|name| name == f.check))
        .filter(|f| !skip.iter().any(|name| name == f.check))
        .collect()
}

/// "1 error", "2 errors".
pub(crate) fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The text report: one line per finding or group, then a summary line naming `origin`.
pub(crate) fn render(findings: &[Finding], origin: &str, verbose: bool) -> String {
    // Errors first, then warnings, then notes; check by check in the order of
    // `CHECKS`, each in file order.
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| {
        let check = CHECKS.iter().position(|(name, _)| *name == f.check);
        (std::cmp::Reverse(f.severity), check)
    });
    let findings = sorted;
    let mut members: HashMap<(&str, &str), Vec<&Finding>> = HashMap::new();
    for &finding in &findings {
        if let Some(group) = &finding.group {
            members
                .entry((finding.check, group.as_str()))
                .or_default()
                .push(finding);
        }
    }
    let mut out = String::new();
    let mut folded = 0;
    for &finding in &findings {
        let group = finding
            .group
            .as_deref()
            .map(|group| (group, &members[&(finding.check, group)]));
        match group {
            Some((group, list)) if !verbose && list.len() > 1 => {
                // The group's line stands where its first finding would.
                if std::ptr::eq(list[0], finding) {
                    folded += list.len();
                    out.push_str(&group_line(finding, group, list));
                }
            }
            _ => out.push_str(&single_line(finding)),
        }
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let notes = findings
        .iter()
        .filter(|f| f.severity == Severity::Note)
        .count();
    let warnings = findings.len() - errors - notes;
    out.push_str(&format!(
        "{}: {}, {}",
        clean_line(origin),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings")
    ));
    if notes > 0 {
        out.push_str(&format!(
            ", {} of the author's own (◇)",
            count(notes, "note", "notes")
        ));
    }
    if folded > 0 {
        out.push_str(&format!(
            " ({folded} of them grouped above; --verbose lists each)"
        ));
    }
    out.push('\n');
    out
}

fn level(finding: &Finding) -> &'static str {
    match finding.severity {
        Severity::Note => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn single_line(finding: &Finding) -> String {
    format!(
        "{}[{}] {}: {}\n",
        level(finding),
        finding.check,
        finding.location,
        clean_line(&finding.message)
    )
}

fn group_line(first: &Finding, group: &str, list: &[&Finding]) -> String {
    let n = list.len();
    let what = match first.check {
        "single-origin" => format!(
            "{} only on {}",
            count(n, "fact rests", "facts rest"),
            clean_line(group)
        ),
        "authored" => format!(
            "{} where the author adds to the sources (◇)",
            count(n, "place", "places")
        ),
        _ => format!("{}: {}", count(n, "finding", "findings"), clean_line(group)),
    };
    let locations: Vec<&str> = list
        .iter()
        .take(LOCATIONS_SHOWN)
        .map(|f| f.location.as_str())
        .collect();
    let more = n.saturating_sub(LOCATIONS_SHOWN);
    let mut at = locations.join(", ");
    if more > 0 {
        at.push_str(&format!(" and {more} more"));
    }
    format!("{}[{}] {what}: {at}\n", level(first), first.check)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(check: &'static str, location: &str, group: Option<&str>) -> Finding {
        Finding {
            severity: Severity::Warning,
            check,
            location: location.to_owned(),
            message: format!("message at {location}"),
            group: group.map(str::to_owned),
        }
    }

    #[test]
    fn one_line_per_group_and_every_finding_when_verbose() {
        let findings = vec![
            finding("single-origin", "events[0]", Some("Wire (via Paper)")),
            finding("no-locator", "events[0].cite[0]", None),
            finding("single-origin", "events[1]", Some("Wire (via Paper)")),
            finding("single-origin", "events[2]", Some("Other, cited directly")),
            finding("single-origin", "events[3]", Some("Wire (via Paper)")),
            finding("single-origin", "events[4]", Some("Wire (via Paper)")),
        ];
        let report = render(&findings, "s.json", false);
        assert_eq!(
            report,
            "warning[single-origin] 4 facts rest only on Wire (via Paper): events[0], events[1], events[3] and 1 more\n\
             warning[single-origin] events[2]: message at events[2]\n\
             warning[no-locator] events[0].cite[0]: message at events[0].cite[0]\n\
             s.json: 0 errors, 6 warnings (4 of them grouped above; --verbose lists each)\n"
        );
        let verbose = render(&findings, "s.json", true);
        assert_eq!(verbose.lines().count(), 7);
        assert!(verbose.ends_with("s.json: 0 errors, 6 warnings\n"));
    }

    #[test]
    fn summary_counts_in_words() {
        let mut one = finding("shared-alias", "entities[1].name", None);
        one.severity = Severity::Error;
        let report = render(&[one, finding("past-due", "events[0]", None)], "f", false);
        assert!(report.ends_with("f: 1 error, 1 warning\n"), "{report}");
        assert!(render(&[], "f", false).ends_with("f: 0 errors, 0 warnings\n"));
    }

    #[test]
    fn only_and_skip_select_by_check_name() {
        let findings = vec![
            finding("single-origin", "a", None),
            finding("no-locator", "b", None),
            finding("past-due", "c", None),
        ];
        let names = |list: Vec<Finding>| list.iter().map(|f| f.check).collect::<Vec<_>>();
        let only = vec!["no-locator".to_owned(), "past-due".to_owned()];
        assert_eq!(
            names(select(findings.clone(), &only, &[])),
            ["no-locator", "past-due"]
        );
        let skip = vec!["past-due".to_owned()];
        assert_eq!(
            names(select(findings.clone(), &only, &skip)),
            ["no-locator"]
        );
        assert_eq!(names(select(findings, &[], &skip)).len(), 2);
    }
}
