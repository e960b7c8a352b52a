//! Word tables the extractors read: months, weekdays, bound words, scale words,
//! currencies, corporate suffixes, kind cues, and a small gazetteer of places and
//! markets. Data, not code: extend a table to teach a rule a new word.
