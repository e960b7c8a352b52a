//! An event's title, summary and condition, end to end in one allocation.

/// Marks "no condition" (a present condition starts at most at the text's length).
const NO_CONDITION: u32 = u32::MAX;

/// An event's title and summary together pass 4 GiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

impl std::fmt::Display for TooLong {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an event's title and summary together are over 4 GiB")
    }
}

/// The title, then the summary, then the condition if there is one, in one `Box<str>`:
/// 24 bytes and one heap block where three `Box<str>`s took 48 bytes and two or three.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventText {
    all: Box<str>,
    /// Where the summary starts.
    summary_at: u32,
    /// Where the condition starts, or `NO_CONDITION`.
    condition_at: u32,
}

impl EventText {
    /// The three joined; refused when the title and summary together pass 4 GiB (the
    /// offsets are 32-bit).
    pub fn new(title: &str, summary: &str, condition: Option<&str>) -> Result<EventText, TooLong> {
        let offset = |at: usize| u32::try_from(at).ok().filter(|&at| at != NO_CONDITION);
        let summary_at = offset(title.len()).ok_or(TooLong)?;
        let condition_at = match condition {
            Some(_) => offset(title.len() + summary.len()).ok_or(TooLong)?,
            None => NO_CONDITION,
        };
        let length = title.len() + summary.len() + condition.map_or(0, str::len);
        let mut all = String::with_capacity(length);
        all.push_str(title);
        all.push_str(summary);
        all.push_str(condition.unwrap_or(""));
        Ok(EventText {
            all: all.into_boxed_str(),
            summary_at,
            condition_at,
        })
    }

    /// A short headline.
    pub fn title(&self) -> &str {
        &self.all[..self.summary_at as usize]
    }

    /// The title, summary and condition end to end, as held: one piece of memory, read
    /// without finding where each part starts (the export asks for it ahead of its rows,
    /// and slicing out the title there read the text it was asking for).
    pub fn joined(&self) -> &str {
        &self.all
    }

    /// What happened.
    pub fn summary(&self) -> &str {
        &self.all[self.summary_at as usize..self.summary_end()]
    }

    /// What a conditional event waits on.
    pub fn condition(&self) -> Option<&str> {
        (self.condition_at != NO_CONDITION).then(|| &self.all[self.condition_at as usize..])
    }

    fn summary_end(&self) -> usize {
        match self.condition_at {
            NO_CONDITION => self.all.len(),
            at => at as usize,
        }
    }
}
