//! The error that means the user asked for something wrong (a missing file, a bad date,
//! an unknown id): reported as its message alone, with exit code 2.

/// Bad input from the user: exit code 2, message shown as is.
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.trim_end())
    }
}

impl std::error::Error for BadInput {}
