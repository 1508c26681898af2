"""Commands for translators and the press office: translation reports, PO exchange, new updates."""
