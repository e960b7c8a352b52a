//! Every user intent the explorer understands. Keys map to these through the keymap;
//! `update` is the only place that acts on them.

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Move the selection (or the detail link cursor) up one row.
    Up,
    /// Move the selection (or the detail link cursor) down one row.
    Down,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Up a screenful, less one row kept for context.
    PageUp,
    /// Down a screenful, less one row kept for context.
    PageDown,
    /// Focus the next pane (Tab).
    NextPane,
    /// Focus the previous pane (Shift-Tab).
    PrevPane,
    /// Focus pane N (1–5).
    FocusPane(u8),
    /// Enter: from a list, open the selection in Detail; in Detail, follow the link.
    Follow,
    /// Back one hop in the detail trail.
    Back,
    /// Forward again after going back.
    Forward,
    /// Esc: close an overlay, else go back, else clear the filter.
    Escape,
    /// Open the search overlay with an empty query.
    OpenSearch,
    /// In Detail, on a citation: open the cited paragraph under it (where the source's
    /// text is at hand), or close it.
    OpenParagraph,
    /// Filter the timeline to the selected entity's events, or clear the filter.
    ToggleFilter,
    /// Show the metrics as a bar chart, or as a list again.
    ToggleChart,
    /// Show the focused pane on the whole screen, or every pane again.
    ToggleZoom,
    /// Write the focused view to a Markdown file.
    Export,
    /// Copy the selected record as Markdown, dated: to the clipboard (OSC 52 or a
    /// clipboard tool), else to a file, saying which.
    Copy,
    /// Open help, the command palette, or close it.
    ToggleHelp,
    /// Open the story file in $VISUAL / $EDITOR at the selected record's line.
    OpenInEditor,
    /// Step the as-of date back to the previous publication date.
    AsOfEarlier,
    /// Step the as-of date on to the next publication date (after the last one, every
    /// source).
    AsOfLater,
    /// Ask for a date (any form `--as-of` takes) and show the story as of it.
    AskDate,
    /// Show every source again, whatever date is shown.
    AllSources,
    /// Search overlay: accept the highlighted result.
    SearchAccept,
    /// Search overlay: close and restore the previous view.
    SearchCancel,
    /// Search overlay: highlight the result above.
    SearchUp,
    /// Search overlay: highlight the result below.
    SearchDown,
    /// Search overlay: delete the last character of the query.
    SearchDeleteChar,
    /// Search overlay: empty the query.
    SearchClear,
    /// Search overlay: a typed character.
    SearchInput(char),
    /// Inside help, the command palette.
    Palette(PaletteAction),
    /// Mouse: left click at (column, row).
    Click(u16, u16),
    /// Mouse wheel at (column, row): negative is up.
    Scroll(u16, u16, i8),
    /// The terminal changed size.
    Resize(u16, u16),
}

/// What keys do inside help, the command palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaletteAction {
    /// Run the highlighted command (closing the palette first).
    Run,
    /// Highlight the command above (headings are skipped).
    Up,
    /// Highlight the command below.
    Down,
    /// Up a popup's height of commands.
    PageUp,
    /// Down a popup's height of commands.
    PageDown,
    /// Delete the last character of the filter.
    DeleteChar,
    /// Empty the filter.
    Clear,
    /// A typed character narrows the list.
    Input(char),
}
