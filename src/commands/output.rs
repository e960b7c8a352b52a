//! Writing a command's result to standard output: once, in full, quiet on a closed
//! pipe, and with nothing in it a terminal would act on.

use std::io::Write;

use anyhow::Result;

use crate::story::safe_text::is_unsafe_char;

/// Writes to stdout, treating a closed pipe (`| head`) as success; any other failure
/// (a full disk, `> /dev/full`) is an error of one line, exit 1.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<()> {
    write_stdout_with(|out| out.write_all(bytes))
}

/// [`write_stdout`] of what `write` writes, for output made a piece at a time.
pub(crate) fn write_stdout_with(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(anyhow::anyhow!("cannot write to standard output: {err}")),
        Ok(()) => Ok(()),
    }
}

/// Pretty JSON that is safe to print: serde_json escapes C0 controls in strings but
/// leaves DEL, C1 controls (a lone U+009B is a CSI) and bidi overrides raw, and a
/// terminal would act on them. Written as `\uXXXX` escapes, the JSON means the same.
pub(crate) fn json_for_terminal(value: &impl serde::Serialize) -> Result<String> {
    let json = serde_json::to_string_pretty(value)?;
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // Outside strings the JSON holds only spaces and line ends; every unsafe
        // character is in the Basic Multilingual Plane, so one escape covers it.
        if c != '\n' && is_unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_for_the_terminal_escapes_what_a_terminal_acts_on_and_means_the_same() {
        let value = serde_json::json!({ "title": "a\u{9b}31mred\u{202e}desrever\u{7f}", "n": [1] });
        let text = json_for_terminal(&value).unwrap();
        assert!(
            !text.chars().any(|c| c != '\n' && is_unsafe_char(c)),
            "{text}"
        );
        assert!(
            text.contains("\\u009b") && text.contains("\\u202e"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
