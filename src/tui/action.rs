//! Every user intent the explorer understands. Keys map to these through the keymap;
//! `update` is the only place that acts on them.

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Move the selection (or the detail link cursor) up one row.
    Up,
    Down,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    PageUp,
    PageDown,
    /// Focus the next pane (Tab) or the previous one (Shift-Tab).
    NextPane,
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
    OpenSearch,
    /// Filter the timeline to the selected entity's events, or clear the filter.
    ToggleFilter,
    /// Show the metrics as a bar chart, or as a list again.
    ToggleChart,
    /// Write the focused view to a Markdown file.
    Export,
    /// Copy the selected record as Markdown to the clipboard (OSC 52).
    Copy,
    ToggleHelp,
    /// Open the story file in $VISUAL / $EDITOR at the selected record's line.
    OpenInEditor,
    /// Step the as-of date to the previous / next publication date.
    AsOfEarlier,
    AsOfLater,
    /// Search overlay: accept the highlighted result.
    SearchAccept,
    /// Search overlay: close and restore the previous view.
    SearchCancel,
    SearchUp,
    SearchDown,
    SearchDeleteChar,
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
    Up,
    Down,
    PageUp,
    PageDown,
    DeleteChar,
    Clear,
    /// A typed character narrows the list.
    Input(char),
}
