"""The panes of the window: article, facts, outline, section editor, header form, preview, entities."""
