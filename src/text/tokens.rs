//! The scanner every extractor shares: a text cut into words, numbers and marks, each
//! with its byte range, so rules look at tokens and never slice bytes themselves.
