mod figures_panel;

pub use figures_panel::FiguresPanel;
